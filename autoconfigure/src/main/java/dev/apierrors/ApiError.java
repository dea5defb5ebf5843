package dev.apierrors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * Maps an application exception that does not extend {@link ApiException} to a status and code; the
 * exception's message is shown to the client as its {@code message}.
 *
 * <p>The annotation is inherited: a subclass answers as its nearest annotated superclass unless it is annotated
 * itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface ApiError {

	/**
	 * The HTTP status to answer with.
	 * @return the status
	 */
	HttpStatus status();

	/**
	 * The stable snake_case error code; empty for the status's default code.
	 * @return the code
	 */
	String code() default "";

}
