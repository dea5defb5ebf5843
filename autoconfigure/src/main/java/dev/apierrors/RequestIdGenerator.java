package dev.apierrors;

/**
 * Creates the id of a request that arrives without a valid one; declare a bean of this type to replace the
 * default (128 random bits, base64url encoded, or the trace id with {@code api.errors.request-id.source=trace-id}).
 */
@FunctionalInterface
public interface RequestIdGenerator {

	/**
	 * Return a new request id.
	 * @return 1 to 128 characters from {@code A-Z a-z 0-9 . _ ~ : @ + = / -}; anything else is replaced by a
	 * random id
	 */
	String generate();

}
