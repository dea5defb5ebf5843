package dev.apierrors.core.rules;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Reads which field of a JSON body had the wrong kind of value from a Jackson 3 exception, by JSON path and
 * expected kind; loaded only when Jackson 3 is present.
 */
public final class JacksonReadErrors {

	/** Whether Jackson 3 is on the classpath. */
	public static final boolean PRESENT = ClassUtils.isPresent("tools.jackson.databind.exc.MismatchedInputException",
			JacksonReadErrors.class.getClassLoader());

	private static final int MAX_PATH = 200;

	private JacksonReadErrors() {
	}

	/**
	 * Return the field and what it expects, or {@code null} when the body is not valid JSON at all or the problem
	 * is not tied to a field.
	 * @param cause the Jackson exception that made reading the body fail
	 * @return the field's JSON path and its message, or {@code null}
	 */
	public static @Nullable Map<String, String> fields(Throwable cause) {
		if (!(cause instanceof MismatchedInputException mismatch)) {
			return null;
		}
		String path = path(mismatch.getPath());
		if (path == null) {
			return null;
		}
		if (mismatch instanceof PropertyBindingException) {
			return Map.of(path, "is not a known field");
		}
		if (mismatch instanceof InvalidNullException) {
			return Map.of(path, "must not be null");
		}
		Class<?> target = mismatch.getTargetType();
		return Map.of(path, "must be " + TypeDescriptions.describe(target));
	}

	private static @Nullable String path(List<JacksonException.Reference> references) {
		if (references.isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			String name = reference.getPropertyName();
			if (name != null) {
				if (path.length() > 0) {
					path.append('.');
				}
				path.append(name);
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
			if (path.length() > MAX_PATH) {
				return path.substring(0, MAX_PATH) + "...";
			}
		}
		return (path.length() > 0) ? path.toString() : null;
	}

}
