package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 409 Conflict: the request conflicts with the current state of the resource, such as a duplicate.
 */
public class ConflictException extends ApiException {

	/**
	 * Create the exception with the default code {@code conflict}.
	 * @param message the message shown to the client
	 */
	public ConflictException(String message) {
		this("conflict", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public ConflictException(String code, String message) {
		super(HttpStatus.CONFLICT, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 409.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public ConflictException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.CONFLICT, errorCode, message);
	}

}
