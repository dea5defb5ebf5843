package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 404 Not Found: the resource does not exist, or its existence is not revealed to this caller.
 */
public class NotFoundException extends ApiException {

	/**
	 * Create the exception with the default code {@code not_found}.
	 * @param message the message shown to the client
	 */
	public NotFoundException(String message) {
		this("not_found", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public NotFoundException(String code, String message) {
		super(HttpStatus.NOT_FOUND, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 404.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public NotFoundException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.NOT_FOUND, errorCode, message);
	}

}
