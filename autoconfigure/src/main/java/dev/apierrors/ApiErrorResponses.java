package dev.apierrors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents the errors a handler method answers that its signature does not show: codes of unchecked exceptions
 * thrown inside it, or exception classes it does not declare in {@code throws}. With springdoc-openapi present,
 * each appears in the operation's OpenAPI responses, with an example, under its status from the error catalog.
 *
 * <pre class="code">
 * &#64;GetMapping("/{id}")
 * &#64;ApiErrorResponses("user_not_found")
 * User get(&#64;PathVariable long id) {
 *     ...
 *     throw new NotFoundException(ShopError.USER_NOT_FOUND, "No user has id " + id + ".");
 * }
 * </pre>
 *
 * On a controller class it applies to each of its handler methods. Codes must be known to the catalog (declared
 * as an {@link ApiErrorCode}, with {@link ApiError}, in {@code api.errors.mappings}, or built in); an unknown code
 * is left out of the documentation and logged.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiErrorResponses {

	/**
	 * The error codes the method answers with.
	 * @return the codes
	 */
	String[] value() default {};

	/**
	 * Exception classes the method throws without declaring them: typed exceptions, {@link ApiError} and
	 * {@code @ResponseStatus} classes, and classes mapped in {@code api.errors.mappings}.
	 * @return the exception classes
	 */
	Class<? extends Throwable>[] exceptions() default {};

}
