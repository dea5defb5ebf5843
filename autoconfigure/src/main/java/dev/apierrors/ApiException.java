package dev.apierrors;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Unchecked exception that carries everything an API error response needs: an HTTP status, a stable
 * snake_case {@code code}, a message written for the client and optional response headers.
 *
 * <p>Use it directly for any status, or one of its typed subclasses such as {@link NotFoundException}. The
 * message is shown to the client as written, so it must not contain internal details.
 */
public class ApiException extends RuntimeException {

	private final HttpStatusCode status;

	private final String code;

	private @Nullable HttpHeaders headers;

	private boolean concealedAsNotFound;

	private @Nullable Duration retryAfter;

	/**
	 * Create an exception with the given status, code and client message.
	 * @param status the HTTP status to answer with
	 * @param code the stable snake_case error code, for example {@code order_not_found}
	 * @param message the message shown to the client
	 */
	public ApiException(HttpStatusCode status, String code, String message) {
		this(status, code, message, null);
	}

	/**
	 * Create an exception with the given status, code, client message and cause; the cause is logged, never
	 * shown to the client.
	 * @param status the HTTP status to answer with
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 * @param cause the underlying failure, for the server log
	 */
	public ApiException(HttpStatusCode status, String code, String message, @Nullable Throwable cause) {
		super(message, cause, true, StackTraces.capture(status));
		if (status == null) {
			throw new IllegalArgumentException("status must not be null");
		}
		this.status = status;
		this.code = requireValidCode(code);
	}

	/**
	 * Set, for the whole JVM, whether typed 4xx exceptions capture their stack trace when created; off by default
	 * because an expected client error has no use for one. The auto-configuration turns it on when
	 * {@code api.errors.logging.stack-traces} logs stack traces for a 4xx status.
	 * @param capture whether 4xx typed exceptions capture stack traces
	 */
	public static void setCaptureClientErrorStackTraces(boolean capture) {
		StackTraces.setCaptureForClientErrors(capture);
	}

	static String requireValidCode(@Nullable String code) {
		if (code == null || code.length() > 64 || !isSnakeCase(code)) {
			throw new IllegalArgumentException(
					"Error code must be snake_case (lower-case letters, digits and single underscores): " + code);
		}
		return code;
	}

	/**
	 * Return whether the code matches {@code [a-z][a-z0-9]*(_[a-z0-9]+)*}, checked without a regular expression
	 * because typed exceptions are created on every error request.
	 */
	private static boolean isSnakeCase(String code) {
		int length = code.length();
		if (length == 0 || code.charAt(0) < 'a' || code.charAt(0) > 'z') {
			return false;
		}
		for (int i = 1; i < length; i++) {
			char c = code.charAt(i);
			if (c == '_') {
				if (i == length - 1 || code.charAt(i + 1) == '_') {
					return false;
				}
			}
			else if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the HTTP status of the response.
	 * @return the status
	 */
	public HttpStatusCode getStatusCode() {
		return this.status;
	}

	/**
	 * Return the stable snake_case error code sent as {@code error}.
	 * @return the code
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * Return the response headers this exception adds, such as {@code Retry-After}; read-only.
	 * @return the headers, empty when none were added
	 */
	public HttpHeaders getHeaders() {
		return (this.headers != null) ? HttpHeaders.readOnlyHttpHeaders(this.headers) : HttpHeaders.EMPTY;
	}

	/**
	 * Add a response header to send with this error.
	 * @param name the header name
	 * @param value the header value
	 * @return this exception
	 */
	public ApiException withHeader(String name, String value) {
		if (this.headers == null) {
			this.headers = new HttpHeaders();
		}
		this.headers.add(name, value);
		return this;
	}

	/**
	 * Return the per-field messages sent as {@code fields}; empty for errors that do not concern fields.
	 * @return the field messages by field name
	 */
	public Map<String, String> getFields() {
		return Collections.emptyMap();
	}

	/**
	 * Return how long the client should wait before retrying, sent as {@code Retry-After}.
	 * @return the delay, or {@code null} when the error does not ask for one
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Ask the client to wait before retrying: sent as {@code Retry-After} and {@code retry_after}, in whole seconds
	 * rounded up and capped by {@code api.errors.retry-after.max}.
	 * @param retryAfter the delay, not negative
	 * @return this exception
	 */
	public final ApiException withRetryAfter(Duration retryAfter) {
		if (retryAfter == null || retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must not be null or negative");
		}
		this.retryAfter = retryAfter;
		return this;
	}

	/**
	 * Answer this error exactly as a plain 404 would, so that a caller cannot learn that the resource exists;
	 * the server log keeps the real status, code and message.
	 * @return this exception
	 */
	public ApiException concealAsNotFound() {
		this.concealedAsNotFound = true;
		return this;
	}

	/**
	 * Return whether this error is answered as a plain 404.
	 * @return whether {@link #concealAsNotFound()} was called
	 */
	public boolean isConcealedAsNotFound() {
		return this.concealedAsNotFound;
	}

	static Map<String, String> copyFields(@Nullable Map<String, String> fields) {
		return (fields == null || fields.isEmpty()) ? Collections.emptyMap()
				: Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

}
