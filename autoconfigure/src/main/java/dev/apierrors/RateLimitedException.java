package dev.apierrors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Answers 429 Too Many Requests with {@code Retry-After}: the caller sent too many requests.
 */
public class RateLimitedException extends ApiException {

	/**
	 * Create the exception with the default code {@code rate_limit_exceeded}.
	 * @param message the message shown to the client
	 * @param retryAfter how long the client should wait, or {@code null} for the configured default
	 */
	public RateLimitedException(String message, @Nullable Duration retryAfter) {
		this("rate_limit_exceeded", message, retryAfter);
	}

	/**
	 * Create the exception with the default code {@code rate_limit_exceeded} and the configured default delay.
	 * @param message the message shown to the client
	 */
	public RateLimitedException(String message) {
		this(message, null);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 * @param retryAfter how long the client should wait, or {@code null} for the configured default
	 */
	public RateLimitedException(String code, String message, @Nullable Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, code, message);
		if (retryAfter != null) {
			withRetryAfter(retryAfter);
		}
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 429.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @param retryAfter how long the client should wait, or {@code null} for the configured default
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public RateLimitedException(ApiErrorCode errorCode, String message, @Nullable Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, errorCode, message);
		if (retryAfter != null) {
			withRetryAfter(retryAfter);
		}
	}

}
