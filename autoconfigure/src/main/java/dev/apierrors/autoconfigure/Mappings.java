package dev.apierrors.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.apierrors.servlet.ExceptionMapping;

import org.springframework.util.ClassUtils;

/**
 * Turns the {@code api.errors.mappings} entries into {@link ExceptionMapping}s, failing start-up with a message
 * naming the entry when a class does not exist, a status is not a 4xx or 5xx, or a code is not snake_case.
 */
final class Mappings {

	private static final String CODE = "[a-z][a-z0-9]*(_[a-z0-9]+)*";

	private Mappings() {
	}

	static List<ExceptionMapping> of(List<ApiErrorsProperties.Mapping> entries) {
		List<ExceptionMapping> mappings = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			mappings.add(of(i, entries.get(i)));
		}
		return mappings;
	}

	@SuppressWarnings("unchecked")
	private static ExceptionMapping of(int index, ApiErrorsProperties.Mapping entry) {
		String name = "api.errors.mappings[" + index + "]";
		String className = entry.getException();
		if (className == null || className.isBlank()) {
			throw new InvalidMappingException(name, "names no exception class");
		}
		Class<?> type;
		try {
			type = ClassUtils.forName(className.trim(), Mappings.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new InvalidMappingException(name, "names exception class '" + className + "', which is not on the classpath");
		}
		if (!Throwable.class.isAssignableFrom(type)) {
			throw new InvalidMappingException(name, "names class '" + className + "', which is not an exception");
		}
		int status = entry.getStatus();
		if (status < 400 || status > 599) {
			throw new InvalidMappingException(name, "has status " + status + "; only 4xx and 5xx statuses are errors");
		}
		String code = entry.getCode();
		if (code != null && code.isBlank()) {
			code = null;
		}
		if (code != null && (!code.matches(CODE) || code.length() > 64)) {
			throw new InvalidMappingException(name, "has code '" + code + "', which is not snake_case");
		}
		return new ExceptionMapping((Class<? extends Throwable>) type, status, code, entry.getMessage());
	}

}
