package dev.apierrors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Answers 503 Service Unavailable with {@code Retry-After}: the service cannot answer now, for example during maintenance or load shedding.
 */
public class ServiceUnavailableException extends ApiException {

	/**
	 * Create the exception with the default code {@code service_unavailable}.
	 * @param message the message shown to the client
	 * @param retryAfter how long the client should wait, or {@code null} for the configured default
	 */
	public ServiceUnavailableException(String message, @Nullable Duration retryAfter) {
		this("service_unavailable", message, retryAfter);
	}

	/**
	 * Create the exception with the default code {@code service_unavailable} and the configured default delay.
	 * @param message the message shown to the client
	 */
	public ServiceUnavailableException(String message) {
		this(message, null);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 * @param retryAfter how long the client should wait, or {@code null} for the configured default
	 */
	public ServiceUnavailableException(String code, String message, @Nullable Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, code, message);
		if (retryAfter != null) {
			withRetryAfter(retryAfter);
		}
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 503.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @param retryAfter how long the client should wait, or {@code null} for the configured default
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public ServiceUnavailableException(ApiErrorCode errorCode, String message, @Nullable Duration retryAfter) {
		super(HttpStatus.SERVICE_UNAVAILABLE, errorCode, message);
		if (retryAfter != null) {
			withRetryAfter(retryAfter);
		}
	}

}
