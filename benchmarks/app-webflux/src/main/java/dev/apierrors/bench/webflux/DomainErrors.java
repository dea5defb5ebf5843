package dev.apierrors.bench.webflux;

/**
 * Creates the domain errors of the app, so that each variant throws what is idiomatic for its approach.
 */
@FunctionalInterface
public interface DomainErrors {

	/**
	 * Return the exception for an item that does not exist.
	 * @param id the id asked for
	 * @return the exception to throw
	 */
	RuntimeException itemNotFound(long id);

}
