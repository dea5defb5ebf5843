package dev.apierrors;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

	private final HttpStatusCode status;

	private final String code;

	private @Nullable HttpHeaders headers;

	private boolean concealedAsNotFound;

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

	static String requireValidCode(@Nullable String code) {
		if (code == null || code.length() > 64 || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException(
					"Error code must be snake_case (lower-case letters, digits and single underscores): " + code);
		}
		return code;
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
		return null;
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
