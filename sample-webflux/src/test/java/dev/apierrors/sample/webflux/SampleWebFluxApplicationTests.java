package dev.apierrors.sample.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux sample's documented curl examples, over real HTTP on Netty: the same answers as the Spring MVC
 * sample.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SampleWebFluxApplicationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return send("GET", path, null, headers);
	}

	@Test
	void unknownUserIsTyped404() throws Exception {
		assertThatApiError(get("/api/users/99")).allowingMembers("docs")
			.isUniform()
			.hasStatus(404)
			.hasCode("user_not_found")
			.hasMessage("No user has id 99.")
			.hasMember("docs", ErrorExtensions.DOCS + "user_not_found");
	}

	@Test
	void invalidUserIsA422ListingTheFields() throws Exception {
		HttpResponse<String> response = send("POST", "/api/users", "{\"name\":\"\",\"email\":\"nope\",\"age\":12}",
				"Content-Type", "application/json");
		assertThatApiError(response).allowingMembers("docs")
			.isUniform()
			.hasStatus(422)
			.hasCode("validation_failed")
			.hasFieldError("email", "must be a well-formed email address")
			.hasFieldError("age", "must be greater than or equal to 18");
	}

	@Test
	void duplicateEmailIsA409() throws Exception {
		HttpResponse<String> response = send("POST", "/api/users",
				"{\"name\":\"Al\",\"email\":\"alice@example.com\",\"age\":30}", "Content-Type", "application/json");
		assertThatApiError(response).allowingMembers("docs").isUniform().hasStatus(409).hasCode("duplicate_email");
	}

	@Test
	void anonymousCallerGets401WithChallenge() throws Exception {
		assertThatApiError(get("/api/orders/1")).allowingMembers("docs")
			.isUniform()
			.hasStatus(401)
			.hasCode("authentication_required")
			.hasHeader("WWW-Authenticate", "Bearer realm=\"sample\"");
	}

	@Test
	void unknownTokenGets401() throws Exception {
		assertThatApiError(get("/api/orders/1", "Authorization", "Bearer forged")).allowingMembers("docs")
			.isUniform()
			.hasStatus(401);
	}

	@Test
	void anotherUsersOrderIsConcealedAs404() throws Exception {
		HttpResponse<String> response = get("/api/orders/2", "Authorization", "Bearer alice-token");
		assertThatApiError(response).allowingMembers("docs").isUniform().hasStatus(404).hasCode("not_found");
		// The random request id is left out: it could contain "bob" by chance.
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(response.body().replace(requestId, "")).doesNotContain("bob");
	}

	@Test
	void payingTwiceIsA409() throws Exception {
		assertThatApiError(send("POST", "/api/orders/2/payment", null, "Authorization", "Bearer bob-token"))
			.allowingMembers("docs")
			.isUniform()
			.hasStatus(409)
			.hasCode("order_already_paid");
	}

	@Test
	void userOnAdminRouteGets403() throws Exception {
		assertThatApiError(get("/api/admin/orders", "Authorization", "Bearer alice-token")).allowingMembers("docs")
			.isUniform()
			.hasStatus(403)
			.hasCode("forbidden");
	}

	@Test
	void rateLimitCarriesRetryAfter() throws Exception {
		assertThatApiError(get("/api/demo/rate-limited")).allowingMembers("docs")
			.isUniform()
			.hasStatus(429)
			.hasRetryAfter(Duration.ofSeconds(42));
	}

	@Test
	void maintenanceUsesTheConfiguredRetryAfter() throws Exception {
		assertThatApiError(get("/api/demo/maintenance")).allowingMembers("docs")
			.isUniform()
			.hasStatus(503)
			.hasRetryAfter(Duration.ofSeconds(120));
	}

	@Test
	void crashLeaksNothing(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/api/demo/crash");
		assertThatApiError(response).allowingMembers("docs")
			.isUniform()
			.hasStatus(500)
			.hasCode("internal_error")
			.hasMessage("An unexpected error occurred.");
		assertThat(response.body()).doesNotContain("jdbc", "db.internal");
		assertThat(output).contains("db.internal").contains(response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void configuredMappingAndMapperAnswerLibraryExceptions() throws Exception {
		assertThatApiError(get("/api/demo/missing-item")).allowingMembers("docs")
			.isUniform()
			.hasStatus(404)
			.hasCode("item_missing")
			.hasMessage("No such item.");
		assertThatApiError(get("/api/demo/export")).allowingMembers("docs")
			.isUniform()
			.hasStatus(503)
			.hasRetryAfter(Duration.ofSeconds(10));
	}

	@Test
	void missingParameterAndHeaderAre400s() throws Exception {
		assertThatApiError(get("/api/users?limit=abc")).allowingMembers("docs")
			.isUniform()
			.hasStatus(400)
			.hasCode("invalid_parameter");
		assertThatApiError(get("/api/users?limit=500")).allowingMembers("docs")
			.isUniform()
			.hasStatus(422)
			.hasCode("validation_failed");
	}

	@Test
	void requestIdReachesTheMdcAfterAThreadHop(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/api/catalog/X-9", "X-Request-Id", "catalog-call-1");
		assertThatApiError(response).allowingMembers("docs").isUniform().hasStatus(404).hasRequestId("catalog-call-1");
		assertThat(output).contains("Looking up X-9 (request id in the MDC: catalog-call-1)");
	}

	@Test
	void headOfAnUnknownUserHasTheHeadersAndNoBody() throws Exception {
		HttpResponse<String> response = send("HEAD", "/api/users/99", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(response.headers().firstValue("Content-Length")).isPresent();
		assertThat(response.body()).isEmpty();
	}

}
