package dev.apierrors.core.resolve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;

/**
 * Collects the messages of invalid fields in order: the first message per field is kept, names are cut at
 * {@value #MAX_NAME} characters and at most {@value #MAX_FIELDS} fields are listed, the message saying how many
 * were left out.
 */
public final class FieldErrors {

	/**
	 * Create an instance.
	 */
	public FieldErrors() {
	}

	/** The largest number of entries in {@code fields}. */
	public static final int MAX_FIELDS = 100;

	private static final int MAX_NAME = 200;

	private final Map<String, String> messages = new LinkedHashMap<>();

	private int dropped;

	/**
	 * Add the message of a field, unless the field has one already.
	 * @param name the field's name as the client sent it
	 * @param message the message
	 */
	public void add(String name, String message) {
		String key = (name.length() > MAX_NAME) ? name.substring(0, MAX_NAME) + "..." : name;
		if (this.messages.containsKey(key)) {
			return;
		}
		if (this.messages.size() >= MAX_FIELDS) {
			this.dropped++;
			return;
		}
		this.messages.put(key, message);
	}

	/**
	 * Return whether no field was added.
	 * @return whether there are no field messages
	 */
	public boolean isEmpty() {
		return this.messages.isEmpty();
	}

	/**
	 * Return the field messages.
	 * @return the read-only messages by field name
	 */
	public Map<String, String> messages() {
		return Collections.unmodifiableMap(this.messages);
	}

	/**
	 * Return the given message, saying how many fields were left out when some were.
	 * @param message the error's message
	 * @return the message to send
	 */
	public String message(String message) {
		return (this.dropped == 0) ? message
				: message + " Only the first " + MAX_FIELDS + " of " + (MAX_FIELDS + this.dropped)
						+ " invalid fields are listed.";
	}

	/**
	 * Start an error that lists these fields.
	 * @param status the status
	 * @param code the code
	 * @param message the message, extended when fields were left out
	 * @return a builder
	 */
	public ResolvedError.Builder error(int status, String code, String message) {
		return ResolvedError.builder(status, code, message(message)).fields(messages());
	}

	/**
	 * Start an error that lists these fields, with the status's default message.
	 * @param catalog the catalog of default messages
	 * @param status the status
	 * @param code the code
	 * @return a builder
	 */
	public ResolvedError.Builder error(ErrorCatalog catalog, int status, String code) {
		ResolvedError.Builder builder = error(status, code, catalog.message(status));
		return (this.dropped == 0) ? builder.defaultMessage() : builder;
	}

	/**
	 * Collect the given field messages, capped the same way when there are too many.
	 * @param fields the field messages
	 * @return the collector
	 */
	public static FieldErrors of(Map<String, String> fields) {
		FieldErrors errors = new FieldErrors();
		fields.forEach(errors::add);
		return errors;
	}

}
