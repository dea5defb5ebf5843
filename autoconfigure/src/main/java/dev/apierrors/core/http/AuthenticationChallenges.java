package dev.apierrors.core.http;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.apierrors.core.SafeText;

/**
 * Builds {@code WWW-Authenticate} challenges (RFC 9110 section 11.6.1): the configured scheme with a realm and,
 * for the Bearer scheme of RFC 6750 section 3, the error codes {@code invalid_request}, {@code invalid_token}
 * and {@code insufficient_scope} with an {@code error_description}. Every parameter value is an RFC 9110
 * quoted-string, and characters RFC 6750 does not allow in a description are replaced, so no message can break
 * the header.
 */
public final class AuthenticationChallenges {

	private static final Set<String> BEARER_ERRORS = Set.of("invalid_request", "invalid_token", "insufficient_scope");

	private static final int MAX_DESCRIPTION = 200;

	private final boolean bearer;

	private final String defaultChallenge;

	private final String errorPrefix;

	/**
	 * Create challenges for the given scheme and realm.
	 * @param scheme the authentication scheme, an HTTP token such as {@code Bearer}
	 * @param realm the realm, or {@code null} or empty for none
	 * @throws IllegalArgumentException if the scheme is not a token
	 */
	public AuthenticationChallenges(String scheme, @Nullable String realm) {
		if (!SafeText.isToken(scheme)) {
			throw new IllegalArgumentException("The challenge scheme must be an HTTP token, got '" + scheme + "'");
		}
		this.bearer = "Bearer".equalsIgnoreCase(scheme);
		boolean hasRealm = realm != null && !realm.isEmpty();
		this.defaultChallenge = hasRealm ? scheme + " realm=" + quoted(realm) : scheme;
		this.errorPrefix = this.defaultChallenge + (hasRealm ? ", error=" : " error=");
	}

	/**
	 * Return the challenge sent with a 401 that names no error.
	 * @return the scheme and realm
	 */
	public String defaultChallenge() {
		return this.defaultChallenge;
	}

	/**
	 * Return the challenge for a 401, or for a 403 carrying {@code insufficient_scope}.
	 * @param status the status
	 * @param code the error code, an RFC 6750 error code for a Bearer challenge that names it
	 * @param message the client message, sent as {@code error_description} with an RFC 6750 error
	 * @return the challenge, or {@code null} when the status takes none
	 */
	public @Nullable String challenge(int status, String code, String message) {
		if (status == 401) {
			return (this.bearer && BEARER_ERRORS.contains(code)) ? withError(code, message) : this.defaultChallenge;
		}
		if (status == 403 && this.bearer && "insufficient_scope".equals(code)) {
			return withError(code, message);
		}
		return null;
	}

	private String withError(String code, String message) {
		StringBuilder challenge = new StringBuilder(this.errorPrefix.length() + code.length() + 40 + message.length());
		challenge.append(this.errorPrefix).append(quoted(code));
		String description = description(message);
		if (!description.isEmpty()) {
			challenge.append(", error_description=").append(quoted(description));
		}
		return challenge.toString();
	}

	/**
	 * Keep only the characters RFC 6750 allows in {@code error_description} (%x20-21 / %x23-5B / %x5D-7E),
	 * replacing the others with a space, and at most {@value #MAX_DESCRIPTION} of them.
	 */
	private static String description(String message) {
		StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_DESCRIPTION));
		for (int i = 0; i < message.length() && out.length() < MAX_DESCRIPTION; i++) {
			char c = message.charAt(i);
			boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
			out.append(allowed ? c : ' ');
		}
		return out.toString().trim();
	}

	/**
	 * Return the value as an RFC 9110 quoted-string: quotes and backslashes escaped, control and non-ASCII
	 * characters dropped.
	 * @param value the value
	 * @return the quoted string
	 */
	public static String quoted(String value) {
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
