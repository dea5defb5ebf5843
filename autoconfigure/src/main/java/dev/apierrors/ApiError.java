package dev.apierrors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * Maps an application exception that does not extend {@link ApiException} to a status, code and client message.
 *
 * <p>The client message is {@link #message()} when set; otherwise the exception's own message, unless it has none
 * or it was derived from the exception's cause (as {@code super(cause)} does), since a cause's text, such as a
 * database error, must stay on the server: then the status's default message is sent.
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
	 * The HTTP status to answer with, from 400 to 599.
	 * @return the status
	 */
	HttpStatus status();

	/**
	 * The stable snake_case error code; empty for the status's default code.
	 * @return the code
	 */
	String code() default "";

	/**
	 * The client message; empty to use the exception's own message.
	 * @return the message
	 */
	String message() default "";

	/**
	 * A one-line description of when the error happens, for the published catalog and API documentation.
	 * @return the description
	 */
	String description() default "";

}
