package dev.apierrors;

/**
 * Callback that adjusts every error response before it is written, for example to add a {@code timestamp}
 * member or a documentation link header; declare implementations as beans, ordered with {@code @Order}.
 */
@FunctionalInterface
public interface ApiErrorCustomizer {

	/**
	 * Customize the error about to be written.
	 * @param error the error; members and headers can be added, reserved members cannot be replaced
	 */
	void customize(ApiErrorDetails error);

}
