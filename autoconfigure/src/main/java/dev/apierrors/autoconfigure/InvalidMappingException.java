package dev.apierrors.autoconfigure;

/**
 * Thrown at start-up when an {@code api.errors.mappings} entry cannot be used.
 */
public final class InvalidMappingException extends IllegalStateException {

	/** The property path of the entry. */
	private final String entry;

	/** The faulty property of the entry. */
	private final String property;

	/** What is wrong with the property. */
	private final String reason;

	/**
	 * Create the exception.
	 * @param entry the property path of the entry, such as {@code api.errors.mappings[0]}
	 * @param property the faulty property of the entry, such as {@code exception}, {@code status} or {@code code}
	 * @param reason what is wrong with it, as a sentence without a final period
	 */
	public InvalidMappingException(String entry, String property, String reason) {
		super("Invalid exception mapping: " + entry + "." + property + " " + reason);
		this.entry = entry;
		this.property = property;
		this.reason = reason;
	}

	/**
	 * Return the property path of the faulty entry.
	 * @return the entry, such as {@code api.errors.mappings[0]}
	 */
	public String getEntry() {
		return this.entry;
	}

	/**
	 * Return the full name of the faulty property.
	 * @return the property name, such as {@code api.errors.mappings[0].status}
	 */
	public String getPropertyName() {
		return this.entry + "." + this.property;
	}

	/**
	 * Return what is wrong with the property.
	 * @return the reason, such as {@code "has status 302, which is not an error status"}
	 */
	public String getReason() {
		return this.reason;
	}

}
