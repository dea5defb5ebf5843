package dev.apierrors.contract;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;

/**
 * What only WebFlux has: functional endpoints.
 */
class WebFluxOnlyTests {

	@Test
	void errorOfAFunctionalEndpointGetsTheUniformBody() {
		HttpResponse<String> response = Stack.WEBFLUX.client().get("/fn/orders/42");
		assertThatApiError(response).isUniform().hasStatus(404).hasCode("order_not_found")
			.hasMessage("No order has id 42.");
	}

}
