package dev.apierrors.core.resolve;

import java.lang.annotation.Annotation;

import dev.apierrors.core.ResolvedError;

/**
 * How exceptions whose class carries an annotation, such as Spring's {@code @ResponseStatus}, are answered.
 *
 * @param <A> the annotation type
 */
@FunctionalInterface
public interface AnnotationRule<A extends Annotation> {

	/**
	 * Start the error that answers the exception.
	 * @param exception the exception
	 * @param annotation the annotation found on its class
	 * @return the error, without its exception
	 */
	ResolvedError.Builder answer(Throwable exception, A annotation);

}
