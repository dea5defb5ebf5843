package dev.apierrors.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.ApiException;
import dev.apierrors.core.resolve.ExceptionMapping;

import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Turns the {@code api.errors.mappings} entries into {@link ExceptionMapping}s, failing start-up with an
 * {@link InvalidMappingException} naming the entry when a class does not exist or is no exception, a class is
 * mapped twice or answers for itself, a status is not from 400 to 599, or a code is not snake_case.
 */
final class Mappings {

	private static final int MAX_CODE_LENGTH = 64;

	private Mappings() {
	}

	static List<ExceptionMapping> of(List<ApiErrorsProperties.Mapping> entries, @Nullable ClassLoader classLoader) {
		List<ExceptionMapping> mappings = new ArrayList<>(entries.size());
		Map<Class<?>, String> seen = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			String entry = "api.errors.mappings[" + i + "]";
			ExceptionMapping mapping = of(entry, entries.get(i), classLoader);
			String previous = seen.putIfAbsent(mapping.exception(), entry);
			if (previous != null) {
				throw new InvalidMappingException(entry, "exception",
						"maps " + mapping.exception().getName() + ", which " + previous + " maps already");
			}
			mappings.add(mapping);
		}
		return mappings;
	}

	private static ExceptionMapping of(String entry, ApiErrorsProperties.Mapping mapping,
			@Nullable ClassLoader classLoader) {
		Class<? extends Throwable> type = exceptionClass(entry, mapping.getException(), classLoader);
		int status = mapping.getStatus();
		if (status == 0) {
			throw new InvalidMappingException(entry, "status", "is missing; every mapping needs a status from 400 to 599");
		}
		if (status < 400 || status > 599) {
			throw new InvalidMappingException(entry, "status",
					"is " + status + ", which is not an error status (400 to 599)");
		}
		String code = StringUtils.hasText(mapping.getCode()) ? mapping.getCode().trim() : null;
		if (code != null && !ApiErrorCode.isValidCode(code)) {
			throw new InvalidMappingException(entry, "code", "is '" + code
					+ "', which is not snake_case (lower-case letters, digits and single underscores, at most "
					+ MAX_CODE_LENGTH + " characters)");
		}
		String message = StringUtils.hasText(mapping.getMessage()) ? mapping.getMessage().trim() : null;
		return new ExceptionMapping(type, status, code, message);
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Throwable> exceptionClass(String entry, @Nullable String name,
			@Nullable ClassLoader classLoader) {
		if (!StringUtils.hasText(name)) {
			throw new InvalidMappingException(entry, "exception",
					"is missing; every mapping needs the fully qualified name of an exception class");
		}
		String className = name.trim();
		Class<?> type = load(className, classLoader);
		if (type == null) {
			throw new InvalidMappingException(entry, "exception",
					"is '" + className + "', which is not a class on the classpath");
		}
		if (!Throwable.class.isAssignableFrom(type)) {
			throw new InvalidMappingException(entry, "exception", "is '" + className + "', which is not an exception");
		}
		if (ApiException.class.isAssignableFrom(type)) {
			throw new InvalidMappingException(entry, "exception", "is '" + className
					+ "', an ApiException that carries its own status and code, so the mapping would never apply");
		}
		return (Class<? extends Throwable>) type;
	}

	/**
	 * Load a class by its binary name ({@code Outer$Inner}) or its canonical name ({@code Outer.Inner}), however
	 * deeply nested.
	 */
	private static @Nullable Class<?> load(String className, @Nullable ClassLoader classLoader) {
		String candidate = className;
		while (true) {
			try {
				return ClassUtils.forName(candidate, classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				int lastDot = candidate.lastIndexOf('.');
				if (lastDot <= 0) {
					return null;
				}
				candidate = candidate.substring(0, lastDot) + '$' + candidate.substring(lastDot + 1);
			}
		}
	}

}
