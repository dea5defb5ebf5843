package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 403 Forbidden: the caller is known but not allowed; sending credentials again will not help.
 *
 * <p>The RFC 6750 code {@code insufficient_scope} also adds a matching {@code WWW-Authenticate} challenge.
 */
public class ForbiddenException extends ApiException {

	/**
	 * Create the exception with the default code {@code forbidden}.
	 * @param message the message shown to the client
	 */
	public ForbiddenException(String message) {
		this("forbidden", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public ForbiddenException(String code, String message) {
		super(HttpStatus.FORBIDDEN, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 403.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public ForbiddenException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.FORBIDDEN, errorCode, message);
	}

}
