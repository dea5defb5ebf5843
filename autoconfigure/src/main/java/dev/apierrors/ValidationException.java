package dev.apierrors;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Answers 422 Unprocessable Content with {@code fields}: the request is well formed but some values are
 * invalid.
 */
public class ValidationException extends ApiException {

	/** The message of each invalid field, by the field's JSON name. */
	private final Map<String, String> fields;

	/**
	 * Create the exception with the default code {@code validation_failed}.
	 * @param message the message shown to the client
	 * @param fields the message for each invalid field, by the field's JSON name
	 */
	public ValidationException(String message, Map<String, String> fields) {
		this("validation_failed", message, fields);
	}

	/**
	 * Create the exception with a code of its own.
	 * @param code the stable snake_case error code
	 * @param message the message shown to the client
	 * @param fields the message for each invalid field, by the field's JSON name
	 */
	public ValidationException(String code, String message, Map<String, String> fields) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
		this.fields = copyFields(fields);
	}

	/**
	 * Create the exception for a declared error code, which must be declared with status 422.
	 * @param errorCode the declared code
	 * @param message the message shown to the client
	 * @param fields the message for each invalid field, by the field's JSON name
	 * @throws IllegalArgumentException if the code is declared with another status
	 */
	public ValidationException(ApiErrorCode errorCode, String message, Map<String, String> fields) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, errorCode, message);
		this.fields = copyFields(fields);
	}

	@Override
	public Map<String, String> getFields() {
		return this.fields;
	}

}
