package dev.apierrors;

import org.springframework.http.HttpStatus;

/**
 * Answers 401 Unauthorized with a {@code WWW-Authenticate} challenge: credentials are missing or invalid.
 *
 * <p>The RFC 6750 codes {@code invalid_token} and {@code invalid_request} travel in the challenge as well as in
 * the body.
 */
public class UnauthenticatedException extends ApiException {

	/**
	 * Create the exception with the default code {@code authentication_required}.
	 * @param message the message shown to the client
	 */
	public UnauthenticatedException(String message) {
		this("authentication_required", message);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 */
	public UnauthenticatedException(String code, String message) {
		super(HttpStatus.UNAUTHORIZED, code, message);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 401.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public UnauthenticatedException(ApiErrorCode errorCode, String message) {
		super(HttpStatus.UNAUTHORIZED, errorCode, message);
	}

}
