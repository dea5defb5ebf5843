package dev.apierrors.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.assertj.WebTestClientResponse;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions on {@link RestTestClient} bound to MockMvc and on {@link WebTestClient} bound to a WebFlux router
 * function.
 */
class MockServerClientsTests {

	private final RestTestClient restTestClient = RestTestClient.bindToController(new CannedController()).build();

	private final WebTestClient webTestClient = WebTestClient.bindToRouterFunction(CannedRoutes.routes()).build();

	@Test
	void restTestClientResponseSpecPasses() {
		assertThatApiError(this.restTestClient.get().uri(CannedResponse.VALIDATION.path()).exchange()).hasStatus(422)
			.hasFieldError("email", "must be a well-formed email address")
			.isUniform();
	}

	@Test
	void restTestClientResponsePasses() {
		RestTestClient.ResponseSpec spec = this.restTestClient.get().uri(CannedResponse.RATE_LIMITED.path()).exchange();
		assertThatApiError(RestTestClientResponse.from(spec))
			.hasRetryAfter(Duration.ofSeconds(42))
			.isUniform();
	}

	@Test
	void restTestClientFailsWhenCodeDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(
					this.restTestClient.get().uri(CannedResponse.USER_NOT_FOUND.path()).exchange())
				.hasCode("not_found"))
			.withMessageStartingWith("Expected error code \"not_found\" but was \"user_not_found\".")
			.withMessageContaining("GET /canned/user-not-found ->")
			.withMessageContaining("X-Request-Id: req-7");
	}

	@Test
	void webTestClientResponseSpecPasses() {
		assertThatApiError(this.webTestClient.get().uri(CannedResponse.USER_NOT_FOUND.path()).exchange())
			.hasStatus(404)
			.hasCode("user_not_found")
			.hasMessageContaining("7")
			.hasRequestIdHeaderMatchingBody()
			.isSimpleFormat()
			.isUniform();
	}

	@Test
	void webTestClientResponsePasses() {
		assertThatApiError(
				WebTestClientResponse.from(this.webTestClient.get().uri(CannedResponse.PROBLEM.path()).exchange()))
			.hasStatus(404)
			.isProblemDetails()
			.isUniform();
	}

	@Test
	void webTestClientFailsWhenRequestIdHeaderDiffersFromBody() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(
					this.webTestClient.get().uri(CannedResponse.ID_MISMATCH.path()).exchange())
				.isUniform())
			.withMessageContaining("  - X-Request-Id \"req-1\" differs from request_id \"req-2\"")
			.withMessageContaining("GET /canned/id-mismatch ->")
			.withMessageContaining("HTTP 404 Not Found");
	}

	@Test
	void webTestClientFailsOnAWrongStatus() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(
					this.webTestClient.get().uri(CannedResponse.OK.path()).exchange())
				.hasStatus(404))
			.withMessageStartingWith("Expected status 404 Not Found but was 200 OK.")
			.withMessageContaining("{\"id\":7,\"name\":\"Alice\"}");
	}

}
