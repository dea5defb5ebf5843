package dev.apierrors.bench.webflux;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The domain 404 of the variants without this project's starter: a {@link ResponseStatusException}, which Boot's
 * default WebFlux handling and its ProblemDetails both understand.
 */
class ItemNotFoundException extends ResponseStatusException {

	ItemNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, "Item " + id + " was not found.");
	}

}
