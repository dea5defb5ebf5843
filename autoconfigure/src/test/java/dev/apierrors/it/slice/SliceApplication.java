package dev.apierrors.it.slice;

import dev.apierrors.NotFoundException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal application for the {@code @WebMvcTest} slice.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SliceApplication {

	@RestController
	static class ItemController {

		@GetMapping("/items/{id}")
		String item(@PathVariable int id) {
			throw new NotFoundException("item_not_found", "No item has id " + id + ".");
		}

	}

}
