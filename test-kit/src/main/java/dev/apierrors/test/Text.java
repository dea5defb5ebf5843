package dev.apierrors.test;

import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * How failure messages show values: strings quoted as in JSON, maps as JSON objects.
 */
final class Text {

	private Text() {
	}

	static String quote(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	static String fields(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> quote(field.getKey()) + ": " + quote(field.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
	}

}
