package dev.apierrors.servlet;

/**
 * Translates the Java property path of a validated object (such as {@code shippingAddress.zipCode}) into the
 * name a client sees in JSON (such as {@code shipping_address.zip_code}).
 */
@FunctionalInterface
public interface FieldNames {

	/** Keeps Java property names as they are. */
	FieldNames IDENTITY = (type, path) -> path;

	/**
	 * Return the JSON path of a property.
	 * @param rootType the class of the validated object
	 * @param javaPath the property path, dot separated, with {@code [index]} for elements
	 * @return the JSON path
	 */
	String toJson(Class<?> rootType, String javaPath);

}
