package dev.apierrors.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads, checks and creates request ids: an incoming id is honoured only when it is 1 to 128 characters from
 * {@code A-Z a-z 0-9 . _ ~ : @ + = / -}; a new id is 128 random bits, base64url encoded (22 characters).
 */
public final class RequestIds {

	/** Request attribute that holds the id for every dispatch of the request. */
	public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	/** MDC key under which the id is logged. */
	public static final String MDC_KEY = "request_id";

	private static final int MAX_LENGTH = 128;

	private static final boolean[] ALLOWED = new boolean[128];

	static {
		for (char c = 'A'; c <= 'Z'; c++) {
			ALLOWED[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			ALLOWED[c] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			ALLOWED[c] = true;
		}
		for (char c : "._~:@+=/-".toCharArray()) {
			ALLOWED[c] = true;
		}
	}

	private static final RandomBlocks RANDOM = new RandomBlocks();

	/** The base64url alphabet of RFC 4648 section 5. */
	private static final byte[] BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.getBytes(StandardCharsets.US_ASCII);

	private RequestIds() {
	}

	/**
	 * Return the id of the current request, creating and storing one if no filter did.
	 * @param request the request
	 * @return the request id
	 */
	public static String get(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		if (id instanceof String value) {
			return value;
		}
		String created = generate();
		request.setAttribute(ATTRIBUTE, created);
		return created;
	}

	/**
	 * Return a new unpredictable id.
	 * @return 22 URL-safe characters carrying 128 random bits
	 */
	public static String generate() {
		byte[] bits = new byte[RandomBlocks.BLOCK];
		RANDOM.next(bits, 0);
		byte[] id = new byte[22];
		int out = 0;
		for (int in = 0; in < 15; in += 3) {
			int group = (bits[in] & 0xFF) << 16 | (bits[in + 1] & 0xFF) << 8 | (bits[in + 2] & 0xFF);
			id[out++] = BASE64URL[group >>> 18];
			id[out++] = BASE64URL[(group >>> 12) & 0x3F];
			id[out++] = BASE64URL[(group >>> 6) & 0x3F];
			id[out++] = BASE64URL[group & 0x3F];
		}
		int last = bits[15] & 0xFF;
		id[20] = BASE64URL[last >>> 2];
		id[21] = BASE64URL[(last << 4) & 0x3F];
		return new String(id, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Return whether an incoming value may be used as the request id.
	 * @param value the header value
	 * @return whether it is 1 to 128 allowed characters
	 */
	public static boolean isValid(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 128 || !ALLOWED[c]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the incoming id when the request carries exactly one valid value of the header, otherwise
	 * {@code null}.
	 * @param request the request
	 * @param header the header name
	 * @return the id to honour, or {@code null}
	 */
	static @Nullable String incoming(HttpServletRequest request, String header) {
		Enumeration<String> values = request.getHeaders(header);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String value = values.nextElement();
		if (values.hasMoreElements()) {
			return null;
		}
		return isValid(value) ? value : null;
	}

}
