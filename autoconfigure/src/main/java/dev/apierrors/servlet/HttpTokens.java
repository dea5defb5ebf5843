package dev.apierrors.servlet;

import org.jspecify.annotations.Nullable;

/**
 * Checks HTTP tokens (RFC 9110 section 5.6.2), the syntax of header names and authentication schemes.
 */
final class HttpTokens {

	private static final String SYMBOLS = "!#$%&'*+-.^_`|~";

	private HttpTokens() {
	}

	/**
	 * Return whether the value is a non-empty token.
	 * @param value the value to check, or {@code null}
	 * @return whether every character is a {@code tchar}
	 */
	static boolean isToken(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean tchar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| SYMBOLS.indexOf(c) >= 0;
			if (!tchar) {
				return false;
			}
		}
		return true;
	}

}
