package dev.apierrors.compat.boot40;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core behaviours of the starter, over real HTTP, in an application that runs on Spring Boot 4.0.x.
 */
@SpringBootTest(classes = Boot40Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=metrics")
class Boot40CompatibilityTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void applicationRunsOnBoot40() {
		assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
	}

	@Test
	void typedExceptionIsAnsweredWithItsStatusCodeAndRequestId() throws Exception {
		HttpResponse<String> response = get("/api/users/7");
		assertThatApiError(response).hasStatus(404)
			.hasCode("user_not_found")
			.hasMessage("No user has id 7.")
			.hasRequestIdHeaderMatchingBody()
			.isSimpleFormat();
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
	}

	@Test
	void requestIdSentByTheClientIsKept() throws Exception {
		HttpResponse<String> response = send(request("/api/users/7").header("X-Request-Id", "client-id-1234567").GET());
		assertThatApiError(response).hasStatus(404).hasRequestId("client-id-1234567");
	}

	@Test
	void invalidBodyIs422WithFields() throws Exception {
		HttpResponse<String> response = send(request("/api/users").header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"name\":\"\",\"email\":\"nope\",\"age\":12}")));
		assertThatApiError(response).hasStatus(422)
			.hasCode("validation_failed")
			.hasFieldError("email", "must be a well-formed email address")
			.hasRequestIdHeaderMatchingBody();
		assertThat(response.body()).contains("\"name\"", "\"age\"");
	}

	@Test
	void unknownRouteIs404() throws Exception {
		assertThatApiError(get("/no/such/route")).hasStatus(404).hasCode("not_found").hasRequestIdHeaderMatchingBody();
	}

	@Test
	void unauthenticatedRequestIs401WithChallenge() throws Exception {
		HttpResponse<String> response = get("/api/private/me");
		assertThatApiError(response).hasStatus(401).hasRequestIdHeaderMatchingBody();
		assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
	}

	@Test
	void authenticatedUserWithoutTheRoleIs403() throws Exception {
		HttpResponse<String> response = send(
				request("/api/admin/reports").header("Authorization", "Bearer user").GET());
		assertThatApiError(response).hasStatus(403).hasCode("forbidden").hasRequestIdHeaderMatchingBody();
	}

	@Test
	void authenticatedUserReachesTheResource() throws Exception {
		HttpResponse<String> response = send(request("/api/private/me").header("Authorization", "Bearer user").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("me");
	}

	@Test
	void unsupportedMethodIs405WithAllow() throws Exception {
		HttpResponse<String> response = send(request("/api/users/1").DELETE());
		assertThatApiError(response).hasStatus(405).hasCode("method_not_allowed");
		assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
				(allow) -> assertThat(allow).contains("GET"));
	}

	@Test
	void rateLimitIs429WithRetryAfter() throws Exception {
		HttpResponse<String> response = get("/api/rate-limited");
		assertThatApiError(response).hasStatus(429)
			.hasCode("rate_limit_exceeded")
			.hasRetryAfter(Duration.ofSeconds(7))
			.hasHeader("Retry-After", "7");
	}

	@Test
	void exceptionInAServletFilterIs500WithoutDetails() throws Exception {
		HttpResponse<String> response = get("/api/filter-crash");
		assertThatApiError(response).hasStatus(500).hasCode("internal_error").hasRequestIdHeaderMatchingBody();
		assertThat(response.body()).doesNotContain("10.0.0.5", "IllegalStateException");
	}

	@Test
	void sendErrorIsAnsweredInTheSameFormat() throws Exception {
		assertThatApiError(get("/api/send-error")).hasStatus(409).hasCode("conflict").hasRequestIdHeaderMatchingBody();
	}

	@Test
	void errorCodeIsATagOfTheRequestMetric() throws Exception {
		assertThatApiError(get("/api/users/8")).hasStatus(404);
		HttpResponse<String> metric = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			metric = get("/actuator/metrics/http.server.requests?tag=error.code:user_not_found&tag=status:404");
			if (metric.statusCode() == 200) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(metric.body()).contains("\"COUNT\"");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

}
