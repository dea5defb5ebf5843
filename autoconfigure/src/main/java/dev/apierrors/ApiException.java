package dev.apierrors;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Unchecked exception that carries everything an API error response needs: an HTTP status from 400 to 599, a
 * stable snake_case {@code code}, a message written for the client and optional response headers.
 *
 * <p>Use it directly for any status, or one of its typed subclasses such as {@link NotFoundException}. The
 * message is shown to the client as written, so it must not contain internal details; a cause is logged, never
 * shown.
 */
public class ApiException extends RuntimeException {

	/** The status answered, from 400 to 599. */
	private final HttpStatusCode status;

	/** The error code sent as {@code error}. */
	private final String code;

	/** The declared code this exception was created from, if any. */
	private final @Nullable ApiErrorCode errorCode;

	/** The headers added to the response, created on first use. */
	private @Nullable HttpHeaders headers;

	/** A read-only view of the headers, handed out by {@link #getHeaders()}. */
	private @Nullable HttpHeaders readOnlyHeaders;

	/** Whether the error is answered as a 404, hiding that the resource exists. */
	private boolean concealedAsNotFound;

	/** The delay sent as {@code Retry-After}, if any. */
	private @Nullable Duration retryAfter;

	/**
	 * Create an exception with the given status, code and client message.
	 * @param status the HTTP status to answer with, from 400 to 599
	 * @param code the stable snake_case error code, for example {@code order_not_found}
	 * @param message the message shown to the client
	 */
	public ApiException(HttpStatusCode status, String code, String message) {
		this(status, code, message, null);
	}

	/**
	 * Create an exception with the given status, code, client message and cause; the cause is logged, never
	 * shown to the client.
	 * @param status the HTTP status to answer with, from 400 to 599
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 * @param cause the underlying failure, for the server log
	 */
	public ApiException(HttpStatusCode status, String code, String message, @Nullable Throwable cause) {
		this(status, code, null, message, cause);
	}

	/**
	 * Create an exception for a declared error code, with the code's status and default message.
	 * @param errorCode the declared code
	 */
	public ApiException(ApiErrorCode errorCode) {
		this(errorCode, requireErrorCode(errorCode).message(), null);
	}

	/**
	 * Create an exception for a declared error code, with the code's status and a message of its own.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 */
	public ApiException(ApiErrorCode errorCode, String message) {
		this(errorCode, message, null);
	}

	/**
	 * Create an exception for a declared error code, with the code's status, a message of its own and a cause.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @param cause the underlying failure, for the server log, or {@code null}
	 */
	public ApiException(ApiErrorCode errorCode, String message, @Nullable Throwable cause) {
		this(requireErrorCode(errorCode).status(), errorCode.code(), errorCode, message, cause);
	}

	/**
	 * Create an exception whose status is fixed by its class, for a declared error code that must agree with it.
	 * @param status the status of the exception class
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	protected ApiException(HttpStatusCode status, ApiErrorCode errorCode, String message) {
		this(status, requireErrorCode(errorCode).code(), agreeing(status, errorCode), message, null);
	}

	private ApiException(HttpStatusCode status, String code, @Nullable ApiErrorCode errorCode, String message,
			@Nullable Throwable cause) {
		super(message, cause, true, StackTraces.capture(requireErrorStatus(status)));
		this.status = status;
		this.code = requireValidCode(code);
		this.errorCode = errorCode;
	}

	private static HttpStatusCode requireErrorStatus(@Nullable HttpStatusCode status) {
		if (status == null || !(status.is4xxClientError() || status.is5xxServerError())) {
			throw new IllegalArgumentException(
					"An ApiException answers an error: its status must be from 400 to 599, got " + status);
		}
		return status;
	}

	private static ApiErrorCode requireErrorCode(@Nullable ApiErrorCode errorCode) {
		if (errorCode == null) {
			throw new IllegalArgumentException("errorCode must not be null");
		}
		return errorCode;
	}

	private static ApiErrorCode agreeing(HttpStatusCode status, ApiErrorCode errorCode) {
		if (errorCode.status() == null || errorCode.status().value() != status.value()) {
			throw new IllegalArgumentException("Error code " + errorCode.code() + " is declared with status "
					+ errorCode.status() + ", not " + status.value());
		}
		return errorCode;
	}

	static String requireValidCode(@Nullable String code) {
		if (!ApiErrorCode.isValidCode(code)) {
			throw new IllegalArgumentException(
					"Error code must be snake_case (lower-case letters, digits and single underscores, at most 64): "
							+ code);
		}
		return code;
	}

	/**
	 * Register an owner, such as an application context, that logs stack traces of some 4xx errors: typed 4xx
	 * exceptions capture their stack trace while at least one owner is registered. Capture happens when the
	 * exception is created, before any application context sees it, so it cannot be decided per context; each
	 * context still decides which stack traces it prints.
	 * @param owner the owner, released with {@link #releaseClientErrorStackTraces(Object)}
	 */
	public static void requireClientErrorStackTraces(Object owner) {
		StackTraces.require(owner);
	}

	/**
	 * Release an owner registered with {@link #requireClientErrorStackTraces(Object)}.
	 * @param owner the owner
	 */
	public static void releaseClientErrorStackTraces(Object owner) {
		StackTraces.release(owner);
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
	 * Return the declared error code this exception was created for.
	 * @return the declared code, or {@code null} when it was created from a status and a code string
	 */
	public @Nullable ApiErrorCode getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return the response headers this exception adds, such as {@code Allow}.
	 * @return the read-only headers, empty when none were added
	 */
	public HttpHeaders getHeaders() {
		return (this.readOnlyHeaders != null) ? this.readOnlyHeaders : HttpHeaders.EMPTY;
	}

	/**
	 * Add a response header to send with this error; a {@code Retry-After} added here is sent as it is, with
	 * {@code retry_after} in the body when it is a number of seconds.
	 * @param name the header name
	 * @param value the header value
	 * @return this exception
	 */
	public ApiException withHeader(String name, String value) {
		if (this.headers == null) {
			this.headers = new HttpHeaders();
			this.readOnlyHeaders = HttpHeaders.readOnlyHttpHeaders(this.headers);
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
	 * the server log keeps the real status, code and message, at the level of the real status.
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
