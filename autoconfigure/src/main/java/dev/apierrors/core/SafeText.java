package dev.apierrors.core;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for text that crosses a trust boundary into a log line or a header: what a control character is,
 * and how it is escaped (CWE-117, CWE-113).
 */
public final class SafeText {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private SafeText() {
	}

	/**
	 * Return whether the character could end or forge a line: C0 controls other than tab, DEL, C1 controls, and
	 * the Unicode line and paragraph separators.
	 * @param c the character
	 * @return whether it is a control character
	 */
	public static boolean isControl(char c) {
		return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
	}

	/**
	 * Return whether the text holds a {@linkplain #isControl(char) control character}.
	 * @param text the text
	 * @return whether it holds one
	 */
	public static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Append text with control characters escaped ({@code \n}, {@code \r}, {@code \\uXXXX}) and its length capped.
	 * @param out where to append
	 * @param text the text, or {@code null}
	 * @param max the most characters of the text to keep; {@code ...} marks a cut
	 */
	public static void appendEscaped(StringBuilder out, @Nullable String text, int max) {
		if (text == null) {
			out.append("null");
			return;
		}
		int length = Math.min(text.length(), max);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (isControl(c)) {
				out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
					.append(HEX[c & 0xF]);
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > max) {
			out.append("...");
		}
	}

	/**
	 * Return the text with control characters escaped and its length capped.
	 * @param text the text, or {@code null}
	 * @param max the most characters of the text to keep
	 * @return the escaped text
	 */
	public static String escaped(@Nullable String text, int max) {
		StringBuilder out = new StringBuilder((text != null) ? Math.min(text.length(), max) + 8 : 4);
		appendEscaped(out, text, max);
		return out.toString();
	}

	/**
	 * Return the message of an exception, or {@code null} when it has none or computing it fails.
	 * @param exception the exception
	 * @return the message, or {@code null}
	 */
	public static @Nullable String messageOf(Throwable exception) {
		try {
			return exception.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * Return whether the value is an HTTP token (RFC 9110 section 5.6.2), the syntax of header names and
	 * authentication schemes.
	 * @param value the value, or {@code null}
	 * @return whether it is a non-empty token
	 */
	public static boolean isToken(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!tchar) {
				return false;
			}
		}
		return true;
	}

}
