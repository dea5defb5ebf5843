package dev.apierrors;

import org.jspecify.annotations.Nullable;

/**
 * Maps exceptions the application cannot annotate (from libraries or the JDK) to an {@link ApiException} in
 * code; declare implementations as beans, ordered with {@code @Order} when several apply.
 */
@FunctionalInterface
public interface ApiExceptionMapper {

	/**
	 * Return the API error that answers the given exception, or {@code null} to leave it to the next mapper and
	 * the built-in rules; the returned exception is used for its status, code, message and headers only.
	 * @param exception the exception being answered
	 * @return the API error, or {@code null}
	 */
	@Nullable ApiException map(Throwable exception);

}
