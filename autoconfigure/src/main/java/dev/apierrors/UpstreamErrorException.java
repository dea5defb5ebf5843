package dev.apierrors;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * An error response of another service, decoded: the upstream's status, its error code and message, its
 * per-field messages, the delay it asked for and its request id. Thrown by the {@code RestClient},
 * {@code WebClient} and HTTP interface clients built by Spring Boot when a service answers in either api-errors
 * format or with any RFC 9457 problem details; other error bodies keep Spring's own exceptions.
 *
 * <p>This is no {@link ApiException}: escaping a handler, it is answered by the rules for upstream failures (an
 * upstream 5xx is a 502, a 429 or 503 a 503 with the upstream's delay, a 4xx this service's own 500), never with
 * the upstream's code or message, unless the application maps it otherwise. The upstream's raw body is kept for
 * the log ({@link #getResponseBody()}) and is part of neither {@link #getMessage()} nor {@link #toString()}.
 */
public class UpstreamErrorException extends RuntimeException {

	/**
	 * Name of the request attribute that switches decoding off for one request, or for every request of a client
	 * when set through the builder's {@code defaultRequest}: {@code Boolean.FALSE} keeps Spring's exceptions.
	 */
	public static final String DECODE_ATTRIBUTE = "dev.apierrors.client.decode";

	/** The most characters of the raw body kept for the log. */
	private static final int MAX_RESPONSE_BODY = 4096;

	private static final int MAX_MESSAGE_TEXT = 300;

	/** The method of the request, if known. */
	private final @Nullable HttpMethod method;

	/** The URI of the request, if known. */
	private final @Nullable URI uri;

	/** The status the upstream answered with. */
	private final HttpStatusCode statusCode;

	/** The upstream's decoded error body. */
	private final ApiErrorBody body;

	/** The start of the upstream's raw body, for the log only. */
	private final @Nullable String responseBody;

	/**
	 * Create the exception for a decoded error response.
	 * @param method the method of the request, or {@code null} when unknown
	 * @param uri the URI of the request, or {@code null} when unknown
	 * @param statusCode the status the upstream answered with
	 * @param body the decoded body: the upstream's code, message, fields, delay and request id
	 * @param responseBody the raw body, for the log only, or {@code null}; kept up to 4096 characters
	 */
	public UpstreamErrorException(@Nullable HttpMethod method, @Nullable URI uri, HttpStatusCode statusCode,
			ApiErrorBody body, @Nullable String responseBody) {
		super(describe(method, uri, statusCode, body));
		this.method = method;
		this.uri = uri;
		this.statusCode = statusCode;
		this.body = body;
		this.responseBody = (responseBody != null && responseBody.length() > MAX_RESPONSE_BODY)
				? responseBody.substring(0, MAX_RESPONSE_BODY) : responseBody;
	}

	/**
	 * Return the method of the request that failed.
	 * @return the method, or {@code null} when unknown
	 */
	public @Nullable HttpMethod getMethod() {
		return this.method;
	}

	/**
	 * Return the URI of the request that failed.
	 * @return the URI, or {@code null} when unknown
	 */
	public @Nullable URI getUri() {
		return this.uri;
	}

	/**
	 * Return the status the upstream answered with.
	 * @return the upstream status
	 */
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the decoded body.
	 * @return the body
	 */
	public ApiErrorBody getBody() {
		return this.body;
	}

	/**
	 * Return the upstream's error code: its {@code error} member, or, for problem details without one, the code
	 * derived from the problem's {@code type} or status.
	 * @return the snake_case code
	 */
	public String getCode() {
		return this.body.code();
	}

	/**
	 * Return the upstream's client message: its {@code message}, or the problem's {@code detail} or
	 * {@code title}.
	 * @return the message
	 */
	public String getUpstreamMessage() {
		return this.body.message();
	}

	/**
	 * Return the upstream's per-field messages.
	 * @return the messages by field, empty when there are none
	 */
	public Map<String, String> getFields() {
		return this.body.fields();
	}

	/**
	 * Return the delay the upstream asked for: its {@code Retry-After} header, or its {@code retry_after} member.
	 * @return the delay, or {@code null} when it asked for none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.body.retryAfter();
	}

	/**
	 * Return the upstream's request id: its request id header, or its {@code request_id} member.
	 * @return the upstream's request id, or {@code null} when it sent none
	 */
	public @Nullable String getRequestId() {
		return this.body.requestId();
	}

	/**
	 * Return the raw body of the response, for the log only: it may hold anything the upstream chose to send and
	 * must never be shown to a client.
	 * @return the body, cut after 4096 characters, or {@code null}
	 */
	public @Nullable String getResponseBody() {
		return this.responseBody;
	}

	private static String describe(@Nullable HttpMethod method, @Nullable URI uri, HttpStatusCode statusCode,
			@Nullable ApiErrorBody body) {
		StringBuilder text = new StringBuilder(160).append("Upstream ");
		if (method != null) {
			text.append(method.name()).append(' ');
		}
		if (uri != null) {
			appendEscaped(text, withoutQuery(uri), MAX_MESSAGE_TEXT);
			text.append(' ');
		}
		text.append("answered ").append(statusCode.value());
		if (body != null) {
			text.append(' ');
			appendEscaped(text, body.code(), 64);
			text.append(": ");
			appendEscaped(text, body.message(), MAX_MESSAGE_TEXT);
			if (body.requestId() != null) {
				text.append(" (upstream request_id=");
				appendEscaped(text, body.requestId(), 128);
				text.append(')');
			}
		}
		return text.toString();
	}

	/**
	 * Return the URI without user info, query and fragment, which may hold credentials or personal data.
	 */
	private static String withoutQuery(URI uri) {
		if (uri.isOpaque() || uri.getRawAuthority() == null) {
			return (uri.getRawPath() != null) ? uri.getRawPath() : "";
		}
		String authority = uri.getRawAuthority();
		int at = authority.lastIndexOf('@');
		StringBuilder text = new StringBuilder();
		if (uri.getScheme() != null) {
			text.append(uri.getScheme()).append("://");
		}
		text.append((at >= 0) ? authority.substring(at + 1) : authority);
		if (uri.getRawPath() != null) {
			text.append(uri.getRawPath());
		}
		return text.toString();
	}

	private static void appendEscaped(StringBuilder out, String text, int max) {
		int length = Math.min(text.length(), max);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
				out.append("\\u").append(String.format("%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > max) {
			out.append("...");
		}
	}

}
