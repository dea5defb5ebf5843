package dev.apierrors.contract.slice;

import reactor.core.publisher.Mono;

import dev.apierrors.NotFoundException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest application for the {@code @WebFluxTest} slice.
 */
@SpringBootConfiguration
public class SliceApplication {

	@RestController
	static class ItemController {

		@GetMapping("/items/{id}")
		Mono<String> item(@PathVariable int id) {
			return Mono.error(new NotFoundException("item_not_found", "No item has id " + id + "."));
		}

	}

}
