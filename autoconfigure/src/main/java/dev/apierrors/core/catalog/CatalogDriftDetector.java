package dev.apierrors.core.catalog;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiErrorDetails;
import dev.apierrors.ApiException;
import dev.apierrors.core.ResolvedError;

/**
 * Tells the error catalog about every code answered: a declared {@code ApiErrorCode} seen for the first time
 * joins it, any other unknown code is logged once; the error itself is left unchanged.
 */
public final class CatalogDriftDetector implements ApiErrorCustomizer {

	private final ErrorCodeRegistry registry;

	/**
	 * Create a detector.
	 * @param registry the catalog
	 */
	public CatalogDriftDetector(ErrorCodeRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void customize(ApiErrorDetails error) {
		Throwable exception = (error instanceof ResolvedError resolved) ? resolved.getDecisiveException()
				: error.getException();
		this.registry.observe(error.getCode(), error.getStatus(),
				(exception instanceof ApiException api) ? api.getErrorCode() : null);
	}

}
