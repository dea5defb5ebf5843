package dev.apierrors.servlet;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Builds {@code WWW-Authenticate} challenges: the Bearer scheme of RFC 6750 section 3 with a realm, and the
 * error codes {@code invalid_request}, {@code invalid_token} and {@code insufficient_scope}. Every value is
 * written as an RFC 9110 quoted-string, and characters outside what RFC 6750 allows in
 * {@code error_description} are replaced, so no message can break the header.
 */
final class Challenges {

	private static final Set<String> BEARER_ERRORS = Set.of("invalid_request", "invalid_token", "insufficient_scope");

	private final String scheme;

	private final String defaultChallenge;

	Challenges(String scheme, @Nullable String realm) {
		this.scheme = scheme;
		this.defaultChallenge = (realm != null && !realm.isEmpty()) ? scheme + " realm=" + quoted(realm) : scheme;
	}

	/**
	 * Return the challenge for a 401, or for a 403 carrying {@code insufficient_scope}; {@code null} when the
	 * status takes none.
	 */
	@Nullable String challenge(int status, String code, String message) {
		if (status == 401) {
			return BEARER_ERRORS.contains(code) ? withError(code, message) : this.defaultChallenge;
		}
		if (status == 403 && "insufficient_scope".equals(code)) {
			return withError(code, message);
		}
		return null;
	}

	private String withError(String code, String message) {
		StringBuilder challenge = new StringBuilder(this.defaultChallenge);
		challenge.append(this.defaultChallenge.equals(this.scheme) ? " " : ", ");
		challenge.append("error=").append(quoted(code));
		String description = description(message);
		if (!description.isEmpty()) {
			challenge.append(", error_description=").append(quoted(description));
		}
		return challenge.toString();
	}

	/**
	 * Keep only the characters RFC 6750 allows in {@code error_description}: %x20-21 / %x23-5B / %x5D-7E.
	 */
	private static String description(String message) {
		StringBuilder out = new StringBuilder(Math.min(message.length(), 200));
		for (int i = 0; i < message.length() && out.length() < 200; i++) {
			char c = message.charAt(i);
			boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
			out.append(allowed ? c : ' ');
		}
		return out.toString().trim();
	}

	static String quoted(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c >= 0x20 && c < 0x7F) {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
