package dev.apierrors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Answers 429 Too Many Requests with {@code Retry-After}: the caller sent too many requests.
 */
public class RateLimitedException extends ApiException {

	/** The state of the exhausted limit, sent as rate-limit headers, if any. */
	private @Nullable RateLimit rateLimit;

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

	/**
	 * Tell the client the state of the limit it ran into, sent as the configured rate-limit headers; when no delay
	 * was given, {@code Retry-After} is the time until the limit resets.
	 * @param rateLimit the state of the limit
	 * @return this exception
	 */
	public RateLimitedException withRateLimit(RateLimit rateLimit) {
		if (rateLimit == null) {
			throw new IllegalArgumentException("rateLimit must not be null");
		}
		this.rateLimit = rateLimit;
		return this;
	}

	/**
	 * Return the state of the limit the client ran into.
	 * @return the rate limit, or {@code null} when none was given
	 */
	public @Nullable RateLimit getRateLimit() {
		return this.rateLimit;
	}

}
