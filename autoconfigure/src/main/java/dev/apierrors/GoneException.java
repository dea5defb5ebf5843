package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 410 Gone: the resource existed and was removed on purpose.
 */
public class GoneException extends ApiException {

	/**
	 * Create the exception with the default code {@code gone}.
	 * @param message the message shown to the client
	 */
	public GoneException(String message) {
		this("gone", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public GoneException(String code, String message) {
		super(HttpStatus.GONE, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 410.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public GoneException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.GONE, errorCode, message);
	}

}
