package dev.apierrors.test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * An HTTP response as the assertions read it, whichever client received it: the status, the headers (names are
 * case-insensitive) and the body bytes.
 *
 * <p>{@link ApiErrorAssertions} takes the responses of Spring's test clients and of the JDK's HTTP client; a
 * snapshot made with {@link #of(int, HttpHeaders, byte[])} lets the assertions read any other client's.
 */
public final class ResponseSnapshot {

	/** How much of a body a failure message prints. */
	private static final int PRINTED_BODY_LIMIT = 32 * 1024;

	private final @Nullable String request;

	private final int status;

	private final HttpHeaders headers;

	private final byte[] body;

	private ResponseSnapshot(@Nullable String request, int status, HttpHeaders headers, byte[] body) {
		this.request = request;
		this.status = status;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * Create a snapshot of a response.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param body the body bytes, {@code null} or empty when the response has no body
	 * @return the snapshot
	 */
	public static ResponseSnapshot of(int status, HttpHeaders headers, byte @Nullable [] body) {
		Assert.notNull(headers, "'headers' must not be null");
		HttpHeaders copy = new HttpHeaders();
		headers.forEach((name, values) -> copy.addAll(name, List.copyOf(values)));
		return new ResponseSnapshot(null, status, HttpHeaders.readOnlyHttpHeaders(copy),
				(body != null) ? body.clone() : new byte[0]);
	}

	/**
	 * Return a copy of this snapshot that names the request it answers in failure messages.
	 * @param method the request method, such as {@code GET}
	 * @param target the URI or path of the request
	 * @return the snapshot with its request
	 */
	public ResponseSnapshot forRequest(String method, String target) {
		return new ResponseSnapshot(method + " " + target, this.status, this.headers, this.body);
	}

	/**
	 * Return the request this response answers, such as {@code GET /api/users/7}, when it is known.
	 * @return the request line, or {@code null}
	 */
	public @Nullable String request() {
		return this.request;
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the response headers, read-only, with case-insensitive names.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Return every value of a header, in the order received.
	 * @param name the header name, in any case
	 * @return the values, empty when the response has no such header
	 */
	public List<String> headerValues(String name) {
		return this.headers.getOrEmpty(name);
	}

	/**
	 * Return the body bytes.
	 * @return a copy of the body, empty when the response has none
	 */
	public byte[] body() {
		return this.body.clone();
	}

	/**
	 * Return the body decoded as UTF-8, the encoding of JSON (RFC 8259).
	 * @return the body text, empty when the response has none
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Return the whole response as a failure message prints it: the request when known, the status line, every
	 * header and the body.
	 */
	@Override
	public String toString() {
		StringBuilder out = new StringBuilder();
		if (this.request != null) {
			out.append(this.request).append(" ->").append(System.lineSeparator());
		}
		HttpStatus known = HttpStatus.resolve(this.status);
		out.append("HTTP ").append(this.status);
		if (known != null) {
			out.append(' ').append(known.getReasonPhrase());
		}
		out.append(System.lineSeparator());
		this.headers.forEach((name, values) -> values
			.forEach((value) -> out.append(name).append(": ").append(value).append(System.lineSeparator())));
		out.append(System.lineSeparator());
		String text = bodyAsString();
		if (text.isEmpty()) {
			out.append("(no body)");
		}
		else if (text.length() > PRINTED_BODY_LIMIT) {
			out.append(text, 0, PRINTED_BODY_LIMIT)
				.append(System.lineSeparator())
				.append("(")
				.append(text.length() - PRINTED_BODY_LIMIT)
				.append(" more characters)");
		}
		else {
			out.append(text);
		}
		return out.toString();
	}

}
