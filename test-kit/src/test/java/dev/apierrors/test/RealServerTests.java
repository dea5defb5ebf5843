package dev.apierrors.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The assertions over real HTTP, from the JDK's {@link HttpClient}, a {@link RestClient} and a
 * {@link RestTestClient} bound to a running server.
 */
@SpringBootTest(classes = CannedServer.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RealServerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void httpResponseOfStringPasses() throws Exception {
		HttpResponse<String> response = get(CannedResponse.USER_NOT_FOUND, HttpResponse.BodyHandlers.ofString());
		assertThatApiError(response).hasStatus(404)
			.hasCode("user_not_found")
			.hasMessageContaining("7")
			.hasRequestIdHeaderMatchingBody()
			.isUniform();
	}

	@Test
	void httpResponseOfBytesPasses() throws Exception {
		HttpResponse<byte[]> response = get(CannedResponse.RATE_LIMITED, HttpResponse.BodyHandlers.ofByteArray());
		assertThatApiError(response).hasStatus(429).hasRetryAfter(Duration.ofSeconds(42)).isUniform();
	}

	@Test
	void httpResponseFailureNamesTheRequestAndPrintsTheResponse() throws Exception {
		HttpResponse<String> response = get(CannedResponse.ID_MISMATCH, HttpResponse.BodyHandlers.ofString());
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(response).hasRequestIdHeaderMatchingBody())
			.withMessageStartingWith(
					"Expected the body's request_id to equal the X-Request-Id header \"req-1\" but was \"req-2\".")
			.withMessageContaining("GET " + url(CannedResponse.ID_MISMATCH) + " ->")
			.withMessageContaining("HTTP 404 Not Found")
			.withMessageContaining("\"request_id\":\"req-2\"");
	}

	@Test
	void httpResponseHeaderNamesAreCaseInsensitive() throws Exception {
		HttpResponse<String> response = get(CannedResponse.USER_NOT_FOUND, HttpResponse.BodyHandlers.ofString());
		assertThatApiError(response).withRequestIdHeader("x-request-id")
			.hasRequestIdHeaderMatchingBody()
			.hasHeader("CACHE-CONTROL", "no-store");
	}

	@Test
	void httpResponseWithAnUnreadableBodyIsRefused() throws Exception {
		HttpResponse<Void> response = get(CannedResponse.USER_NOT_FOUND, HttpResponse.BodyHandlers.discarding());
		assertThatApiError(response).hasStatus(404);
		HttpResponse<java.util.stream.Stream<String>> lines = get(CannedResponse.USER_NOT_FOUND,
				HttpResponse.BodyHandlers.ofLines());
		assertThatIllegalArgumentException().isThrownBy(() -> assertThatApiError(lines))
			.withMessageStartingWith("Cannot read an error body from a HttpResponse whose body is a ")
			.withMessageEndingWith(": read the body as a String or a byte[]");
	}

	@Test
	void responseEntityOfStringFromARestClientPasses() {
		ResponseEntity<String> entity = lenientRestClient().get()
			.uri(CannedResponse.UNAUTHENTICATED.path())
			.retrieve()
			.toEntity(String.class);
		assertThatApiError(entity).hasStatus(401)
			.hasCode("invalid_token")
			.hasChallenge("Bearer")
			.hasChallengeParameter("error", "invalid_token")
			.isUniform();
	}

	@Test
	void responseEntityOfStringFailsOnAWrongFormat() {
		ResponseEntity<String> entity = lenientRestClient().get()
			.uri(CannedResponse.PROBLEM_AS_JSON.path())
			.retrieve()
			.toEntity(String.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatApiError(entity).isUniform())
			.withMessageContaining("(a body in problem details sent as application/json?)")
			.withMessageContaining("HTTP 404 Not Found");
	}

	@Test
	void restClientResponseExceptionPasses() {
		RestClientResponseException exception = catchThrowableOfType(HttpClientErrorException.class,
				() -> RestClient.create(url(CannedResponse.VALIDATION)).get().retrieve().toBodilessEntity());
		assertThatApiError(exception).hasStatus(422)
			.hasCode("validation_failed")
			.hasFieldError("email", "must be a well-formed email address")
			.isUniform();
	}

	@Test
	void restTestClientBoundToTheServerPasses() {
		RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		assertThatApiError(client.get().uri(CannedResponse.PROBLEM.path()).exchange()).hasStatus(404)
			.isProblemDetails()
			.hasMessage("No user has id 7.")
			.isUniform();
		assertThatApiError(RestTestClientResponse.from(client.get().uri(CannedResponse.METHOD_NOT_ALLOWED.path())
			.exchange())).hasHeader("Allow", "GET, HEAD").isUniform();
	}

	@Test
	void restTestClientBoundToTheServerFailsOnAMissingHeader() {
		RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(client.get().uri(CannedResponse.NO_ID_HEADER.path()).exchange())
				.isUniform())
			.withMessageContaining("  - no X-Request-Id header")
			.withMessageContaining("GET " + url(CannedResponse.NO_ID_HEADER) + " ->");
	}

	private <T> HttpResponse<T> get(CannedResponse canned, HttpResponse.BodyHandler<T> body)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(canned))).build(), body);
	}

	private RestClient lenientRestClient() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	private String url(CannedResponse canned) {
		return "http://localhost:" + this.port + canned.path();
	}

}
