package dev.apierrors.core.resolve;

import dev.apierrors.core.ResolvedError;

/**
 * How the exceptions of one class (and its subclasses) are answered; the resolver adds the exception itself to
 * the error the rule starts.
 *
 * @param <T> the exception type
 */
@FunctionalInterface
public interface ErrorRule<T extends Throwable> {

	/**
	 * Start the error that answers the exception.
	 * @param exception the exception
	 * @return the error, without its exception
	 */
	ResolvedError.Builder answer(T exception);

}
