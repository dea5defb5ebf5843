package dev.apierrors;

/**
 * Translates the Java property path of a validated object (such as {@code shippingAddress.zipCode}) into the
 * name a client sent in JSON (such as {@code shipping_address.zip_code}); the default asks the application's
 * Jackson mapper, so naming strategies and {@code @JsonProperty} are honoured.
 */
@FunctionalInterface
public interface FieldNameResolver {

	/**
	 * Return the JSON path of a property.
	 * @param rootType the class of the validated object
	 * @param javaPath the property path, dot separated, with {@code [index]} for elements
	 * @return the JSON path
	 */
	String toJsonPath(Class<?> rootType, String javaPath);

}
