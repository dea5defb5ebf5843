package dev.apierrors.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.apierrors.BadRequestException;

/**
 * Reads the {@code Idempotency-Key} request header of the IETF httpapi draft (an RFC 8941 Item whose value is
 * an sf-string) and scopes keys to the principal that sent them.
 *
 * <p>A key is accepted as an sf-string ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}, with {@code \"} and
 * {@code \\} escapes) holding 1 to 255 printable ASCII characters, or, as many clients send it, as a bare value of
 * 1 to 255 visible ASCII characters other than {@code "}, {@code \}, {@code ,} and {@code ;}. Anything else,
 * several header lines included, is answered {@code 400 idempotency_key_invalid}.
 */
public final class IdempotencyKeys {

	/** The request header that carries the key. */
	public static final String HEADER = "Idempotency-Key";

	/** The most characters a key may have. */
	public static final int MAX_LENGTH = 255;

	/** The scope of keys sent without an authenticated principal. */
	static final String ANONYMOUS_SCOPE = "~";

	private IdempotencyKeys() {
	}

	/**
	 * Return the key the header values carry.
	 * @param values the values of every {@code Idempotency-Key} header line, not empty
	 * @return the key, unquoted and unescaped
	 * @throws BadRequestException with code {@code idempotency_key_invalid} when the header is malformed
	 */
	public static String parse(List<String> values) {
		if (values.size() != 1) {
			throw invalid();
		}
		String key = parse(values.get(0));
		if (key == null) {
			throw invalid();
		}
		return key;
	}

	private static @Nullable String parse(String value) {
		String trimmed = trimOws(value);
		if (trimmed.isEmpty()) {
			return null;
		}
		return (trimmed.charAt(0) == '"') ? sfString(trimmed) : bare(trimmed);
	}

	/**
	 * Parse an RFC 8941 section 4.2.5 sf-string that must make up the whole value (parameters are not accepted).
	 */
	private static @Nullable String sfString(String value) {
		StringBuilder out = new StringBuilder(value.length());
		int i = 1;
		while (i < value.length()) {
			char c = value.charAt(i++);
			if (c == '\\') {
				if (i == value.length()) {
					return null;
				}
				char escaped = value.charAt(i++);
				if (escaped != '"' && escaped != '\\') {
					return null;
				}
				out.append(escaped);
			}
			else if (c == '"') {
				return (i == value.length() && out.length() > 0 && out.length() <= MAX_LENGTH) ? out.toString()
						: null;
			}
			else if (c < 0x20 || c > 0x7E) {
				return null;
			}
			else {
				out.append(c);
			}
		}
		return null;
	}

	private static @Nullable String bare(String value) {
		if (value.length() > MAX_LENGTH) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= 0x20 || c > 0x7E || c == '"' || c == '\\' || c == ',' || c == ';') {
				return null;
			}
		}
		return value;
	}

	private static String trimOws(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isOws(value.charAt(start))) {
			start++;
		}
		while (end > start && isOws(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	private static boolean isOws(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Return the key under which a store keeps a client's key: the same key sent by two principals is two keys.
	 * The principal's name is hashed, so that the store holds no user names and no separator can be forged.
	 * @param principal the name of the authenticated principal, or {@code null} for anonymous requests, which
	 * share one scope
	 * @param key the key the client sent
	 * @return the scoped key
	 */
	public static String scoped(@Nullable String principal, String key) {
		if (principal == null) {
			return ANONYMOUS_SCOPE + ":" + key;
		}
		byte[] hash = sha256().digest(principal.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + ":" + key;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private static BadRequestException invalid() {
		return new BadRequestException("idempotency_key_invalid", "The Idempotency-Key header must be a single value "
				+ "of 1 to " + MAX_LENGTH + " printable ASCII characters, bare or as a quoted string.");
	}

}
