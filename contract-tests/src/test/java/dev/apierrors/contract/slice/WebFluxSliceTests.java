package dev.apierrors.contract.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;

/**
 * The starter is part of the {@code @WebFluxTest} slice: a controller's errors answer as in the running
 * application.
 */
@WebFluxTest(controllers = SliceApplication.ItemController.class)
class WebFluxSliceTests {

	@Autowired
	WebTestClient client;

	@Test
	void typedErrorAnswersWithTheUniformBodyInTheSlice() {
		assertThatApiError(this.client.get().uri("/items/3").exchange()).isUniform()
			.hasStatus(404)
			.hasCode("item_not_found")
			.hasMessage("No item has id 3.");
	}

	@Test
	void frameworkErrorAnswersWithTheUniformBodyInTheSlice() {
		assertThatApiError(this.client.get().uri("/items/three").exchange()).isUniform()
			.hasStatus(400)
			.hasCode("invalid_parameter");
	}

}
