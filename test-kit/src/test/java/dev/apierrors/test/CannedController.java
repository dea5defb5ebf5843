package dev.apierrors.test;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers each {@link CannedResponse} at its path, byte for byte.
 */
@RestController
class CannedController {

	@GetMapping("/canned/{name}")
	ResponseEntity<byte[]> canned(@PathVariable String name) {
		CannedResponse canned = CannedResponse.forName(name);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(canned.status()).headers(canned.headers());
		return canned.body().isEmpty() ? response.build() : response.body(canned.bodyBytes());
	}

}
