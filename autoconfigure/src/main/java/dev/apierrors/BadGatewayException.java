package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 502 Bad Gateway: an upstream service answered with an error or an invalid response.
 */
public class BadGatewayException extends ApiException {

	/**
	 * Create the exception with the default code {@code bad_gateway}.
	 * @param message the message shown to the client
	 */
	public BadGatewayException(String message) {
		this("bad_gateway", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public BadGatewayException(String code, String message) {
		super(HttpStatus.BAD_GATEWAY, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 502.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public BadGatewayException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.BAD_GATEWAY, errorCode, message);
	}

}
