package dev.apierrors.core.body;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the few JSON values an error body holds straight into a {@link StringBuilder} (RFC 8259), escaping
 * {@code <}, {@code >} and {@code &} too so that a body can never be read as markup.
 */
final class Json {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final int MAX_DEPTH = 16;

	/** ASCII characters written as they are. */
	private static final boolean[] PLAIN = new boolean[128];

	static {
		for (char c = 0x20; c < 0x7F; c++) {
			PLAIN[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
		}
	}

	private Json() {
	}

	static void string(StringBuilder out, String value) {
		out.append('"');
		int length = value.length();
		int plain = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80 && PLAIN[c]) {
				continue;
			}
			// Copy the run of characters that need no escaping in one call, then the escaped one.
			out.append(value, plain, i);
			plain = i + 1;
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						unicode(out, c);
					}
					else if (Character.isSurrogate(c) && !validSurrogate(value, i)) {
						unicode(out, '\ufffd');
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append(value, plain, length);
		out.append('"');
	}

	/**
	 * Encode the text as UTF-8 without first copying it into a {@link String}; the bodies are nearly always
	 * ASCII, which is copied byte for byte.
	 */
	static byte[] utf8(StringBuilder text) {
		int length = text.length();
		byte[] ascii = new byte[length];
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				return text.toString().getBytes(StandardCharsets.UTF_8);
			}
			ascii[i] = (byte) c;
		}
		return ascii;
	}

	private static boolean validSurrogate(String value, int i) {
		char c = value.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
	}

	static void unicode(StringBuilder out, char c) {
		out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
			.append(HEX[c & 0xF]);
	}

	static void member(StringBuilder out, String name) {
		out.append(',');
		string(out, name);
		out.append(':');
	}

	static void value(StringBuilder out, @Nullable Object value) {
		value(out, value, 0);
	}

	private static void value(StringBuilder out, @Nullable Object value, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			out.append("null");
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte) {
			out.append(value);
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			if (Double.isFinite(d)) {
				out.append(number);
			}
			else {
				out.append("null");
			}
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				string(out, String.valueOf(entry.getKey()));
				out.append(':');
				value(out, entry.getValue(), depth + 1);
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> collection) {
			out.append('[');
			boolean first = true;
			for (Object element : collection) {
				if (!first) {
					out.append(',');
				}
				first = false;
				value(out, element, depth + 1);
			}
			out.append(']');
		}
		else {
			string(out, value.toString());
		}
	}

}
