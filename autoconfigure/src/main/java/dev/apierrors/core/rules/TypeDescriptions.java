package dev.apierrors.core.rules;

import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Names the kind of value a Java type expects in words a client understands, never a Java class name.
 */
public final class TypeDescriptions {

	private TypeDescriptions() {
	}

	/**
	 * Describe the expected value with an article, for example "an integer" or "one of [ASC, DESC]".
	 * @param type the expected Java type, or {@code null} when unknown
	 * @return the description
	 */
	public static String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			if (constants.length <= 20) {
				return "one of " + Arrays.stream(constants).map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
			}
			return "one of the allowed values";
		}
		return switch (kind(type)) {
			case "integer" -> "an integer";
			case "array" -> "an array";
			case "object" -> "an object";
			case "UUID" -> "a UUID";
			default -> "a " + kind(type);
		};
	}

	static String kind(Class<?> type) {
		Class<?> boxed = org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "number";
		}
		if (boxed == Boolean.class) {
			return "boolean";
		}
		if (boxed == String.class || boxed == Character.class || CharSequence.class.isAssignableFrom(boxed)) {
			return "string";
		}
		if (boxed == UUID.class) {
			return "UUID";
		}
		if (boxed == java.time.LocalDate.class) {
			return "date (yyyy-MM-dd)";
		}
		if (Temporal.class.isAssignableFrom(boxed) || boxed == java.util.Date.class) {
			return "date-time";
		}
		if (boxed == java.time.Duration.class) {
			return "duration";
		}
		if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
			return "array";
		}
		if (boxed.isEnum()) {
			return "string";
		}
		if (Map.class.isAssignableFrom(boxed)) {
			return "object";
		}
		return "object";
	}

}
