package dev.apierrors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the {@code POST} and {@code PATCH} requests of a handler method (or of every handler method of a
 * controller) take an {@code Idempotency-Key} header: the first request with a key is executed, a retry with the
 * same key and the same request gets the first response replayed instead of running the handler again.
 *
 * <p>A retry while the first request is still running is answered {@code 409 idempotency_key_in_use} with
 * {@code Retry-After}; the same key with a different request {@code 422 idempotency_key_reused}; a required key
 * that is missing {@code 400 idempotency_key_required}; a malformed one {@code 400 idempotency_key_invalid}. Keys
 * are scoped per authenticated principal.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

	/**
	 * Whether a request without an {@code Idempotency-Key} is refused; when false it is executed as usual.
	 * @return whether the key is required
	 */
	boolean required() default true;

	/**
	 * How long a completed response is replayed, such as {@code "10m"} or {@code "PT10M"}; empty for
	 * {@code api.errors.idempotency.expiry} (24 hours unless configured).
	 * @return the expiry, or empty for the configured one
	 */
	String expiry() default "";

}
