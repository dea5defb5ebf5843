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

}
