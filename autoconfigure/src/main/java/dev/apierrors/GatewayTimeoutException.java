package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 504 Gateway Timeout: an upstream service did not answer in time.
 */
public class GatewayTimeoutException extends ApiException {

	/**
	 * Create the exception with the default code {@code gateway_timeout}.
	 * @param message the message shown to the client
	 */
	public GatewayTimeoutException(String message) {
		this("gateway_timeout", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public GatewayTimeoutException(String code, String message) {
		super(HttpStatus.GATEWAY_TIMEOUT, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 504.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public GatewayTimeoutException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.GATEWAY_TIMEOUT, errorCode, message);
	}

}
