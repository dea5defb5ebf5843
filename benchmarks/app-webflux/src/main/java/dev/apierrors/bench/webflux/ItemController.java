package dev.apierrors.bench.webflux;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /items/{id}} answers a small JSON item (the success path) or, for id 0, a domain 404 as an error
 * signal; {@code POST /items} validates its body.
 */
@RestController
class ItemController {

	private final DomainErrors errors;

	ItemController(ObjectProvider<DomainErrors> errors) {
		this.errors = errors.getIfAvailable(() -> ItemNotFoundException::new);
	}

	@GetMapping("/items/{id}")
	Mono<Item> item(@PathVariable long id) {
		if (id == 0) {
			return Mono.error(this.errors.itemNotFound(id));
		}
		return Mono.just(new Item(id, "Espresso cup", 1250, "EUR"));
	}

	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Item> create(@Valid @RequestBody Mono<NewItem> item) {
		return item.map((created) -> new Item(1, created.name(), created.priceCents(), created.currency()));
	}

}
