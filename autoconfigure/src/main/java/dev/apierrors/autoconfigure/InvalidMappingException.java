package dev.apierrors.autoconfigure;

/**
 * Thrown at start-up when an {@code api.errors.mappings} entry cannot be used.
 */
public class InvalidMappingException extends IllegalStateException {

	private final String entry;

	/**
	 * Create the exception.
	 * @param entry the property path of the entry, such as {@code api.errors.mappings[0]}
	 * @param problem what is wrong with it
	 */
	public InvalidMappingException(String entry, String problem) {
		super(entry + " " + problem);
		this.entry = entry;
	}

	/**
	 * Return the property path of the faulty entry.
	 * @return the entry, such as {@code api.errors.mappings[0]}
	 */
	public String getEntry() {
		return this.entry;
	}

}
