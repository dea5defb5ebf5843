package dev.apierrors.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Builds the fingerprint that tells a retry of a request from another request sent with the same key: a SHA-256
 * hash of the method, the path, the query, the content type and a digest of the body.
 */
public final class RequestFingerprint {

	private final MessageDigest digest = IdempotencyKeys.sha256();

	private final MessageDigest body = IdempotencyKeys.sha256();

	private RequestFingerprint(String method, String path, @Nullable String query, @Nullable String contentType) {
		field(method);
		field(path);
		field((query != null) ? query : "");
		field((contentType != null) ? normalized(contentType) : "");
	}

	/**
	 * Start the fingerprint of a request.
	 * @param method the HTTP method
	 * @param path the path as sent (still percent-encoded)
	 * @param query the query as sent, or {@code null}
	 * @param contentType the {@code Content-Type}, or {@code null}; compared without case and whitespace
	 * @return a fingerprint to add the body to
	 */
	public static RequestFingerprint of(String method, String path, @Nullable String query,
			@Nullable String contentType) {
		return new RequestFingerprint(method, path, query, contentType);
	}

	/**
	 * Add bytes of the body.
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @return this fingerprint
	 */
	public RequestFingerprint body(byte[] bytes, int offset, int length) {
		this.body.update(bytes, offset, length);
		return this;
	}

	/**
	 * Add a length-prefixed text to the body, for bodies that are read as fields (form parameters, parts).
	 * @param text the text
	 * @return this fingerprint
	 */
	public RequestFingerprint bodyField(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		this.body.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
		this.body.update((byte) ':');
		this.body.update(bytes);
		return this;
	}

	/**
	 * Return the fingerprint.
	 * @return {@code sha256:} and the base64url-encoded hash
	 */
	public String build() {
		this.digest.update(this.body.digest());
		return "sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(this.digest.digest());
	}

	private void field(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		this.digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
		this.digest.update((byte) ':');
		this.digest.update(bytes);
	}

	private static String normalized(String contentType) {
		StringBuilder out = new StringBuilder(contentType.length());
		for (int i = 0; i < contentType.length(); i++) {
			char c = contentType.charAt(i);
			if (c != ' ' && c != '\t') {
				out.append(c);
			}
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

}
