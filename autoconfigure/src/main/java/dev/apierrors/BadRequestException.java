package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 400 Bad Request: the request cannot be understood as sent (use {@link ValidationException} for invalid field values).
 */
public class BadRequestException extends ApiException {

	/**
	 * Create the exception with the default code {@code bad_request}.
	 * @param message the message shown to the client
	 */
	public BadRequestException(String message) {
		this("bad_request", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public BadRequestException(String code, String message) {
		super(HttpStatus.BAD_REQUEST, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 400.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public BadRequestException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.BAD_REQUEST, errorCode, message);
	}

}
