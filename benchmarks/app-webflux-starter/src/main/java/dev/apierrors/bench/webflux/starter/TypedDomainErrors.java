package dev.apierrors.bench.webflux.starter;

import dev.apierrors.NotFoundException;
import dev.apierrors.bench.webflux.DomainErrors;

import org.springframework.stereotype.Component;

/**
 * With the starter the app throws its typed {@link NotFoundException}.
 */
@Component
class TypedDomainErrors implements DomainErrors {

	@Override
	public RuntimeException itemNotFound(long id) {
		return new NotFoundException("item_not_found", "Item " + id + " was not found.");
	}

}
