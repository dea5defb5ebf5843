package dev.apierrors.sample.webflux;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error catalog and the metrics of docs/observability.md on WebFlux, over real HTTP: the {@code errorcodes}
 * endpoint on the management port lists the sample's own codes, and {@code http.server.requests} counts requests
 * by {@code error.code} ({@code none} for a success); the API port serves no actuator endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ObservabilityTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void errorCodesEndpointListsTheSamplesCodes() throws Exception {
		HttpResponse<String> response = get(this.managementPort, "/actuator/errorcodes");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, JsonNode> codes = new LinkedHashMap<>();
		JSON.readTree(response.body()).get("codes").forEach((entry) -> codes.put(entry.get("code").asString(), entry));
		assertThat(codes).containsKeys("user_not_found", "order_already_paid", "product_not_found", "duplicate_email",
				"item_missing", "validation_failed", "authentication_required", "internal_error");
		JsonNode userNotFound = codes.get("user_not_found");
		assertThat(userNotFound.get("status").asInt()).isEqualTo(404);
		assertThat(userNotFound.get("message").asString()).isEqualTo("No such user.");
		assertThat(userNotFound.get("description").asString()).isEqualTo("No user has the id in the path.");
		assertThat(codes.get("order_already_paid").get("status").asInt()).isEqualTo(409);
		assertThat(codes.get("duplicate_email").get("description").asString())
			.isEqualTo("Another user already has this email address.");
	}

	@Test
	void typedNotFoundIsCountedByItsCode() {
		assertThat(get(this.port, "/api/users/99").statusCode()).isEqualTo(404);
		eventually(() -> assertThat(count("error.code:user_not_found", "uri:/api/users/{id}", "status:404"))
			.isGreaterThanOrEqualTo(1));
	}

	@Test
	void invalidBodyIsCountedAsValidationFailed() throws Exception {
		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/users"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"email\":\"nope\",\"age\":12}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(422);
		eventually(() -> assertThat(count("error.code:validation_failed", "uri:/api/users", "status:422"))
			.isGreaterThanOrEqualTo(1));
	}

	@Test
	void functionalRouteErrorIsCountedByItsCode() {
		assertThat(get(this.port, "/api/demo/rate-limited").statusCode()).isEqualTo(429);
		eventually(() -> assertThat(count("error.code:rate_limit_exceeded", "status:429"))
			.isGreaterThanOrEqualTo(1));
	}

	@Test
	void securitysUnauthenticatedIsCountedByItsCode() {
		assertThat(get(this.port, "/api/orders/1").statusCode()).isEqualTo(401);
		eventually(() -> assertThat(count("error.code:authentication_required", "status:401"))
			.isGreaterThanOrEqualTo(1));
	}

	@Test
	void successCarriesNone() {
		assertThat(get(this.port, "/api/users/1").statusCode()).isEqualTo(200);
		eventually(() -> assertThat(count("error.code:none", "uri:/api/users/{id}", "status:200"))
			.isGreaterThanOrEqualTo(1));
		JsonNode successes = metric("uri:/api/users/{id}", "status:200");
		assertThat(successes).isNotNull();
		for (JsonNode tag : successes.get("availableTags")) {
			if (tag.get("tag").asString().equals("error.code")) {
				assertThat(tag.get("values")).extracting(JsonNode::asString).containsExactly("none");
			}
		}
	}

	@Test
	void apiPortServesNoActuatorEndpoint() {
		assertThat(get(this.port, "/actuator/metrics").statusCode()).isIn(401, 404);
		assertThat(get(this.port, "/actuator/errorcodes").statusCode()).isIn(401, 404);
	}

	/**
	 * Assert until it holds: the response reaches the client before the request's observation stops.
	 */
	private static void eventually(ThrowingRunnable assertion) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
	}

	private JsonNode metric(String... tags) {
		StringBuilder path = new StringBuilder("/actuator/metrics/http.server.requests");
		for (int i = 0; i < tags.length; i++) {
			path.append((i == 0) ? '?' : '&').append("tag=").append(URLEncoder.encode(tags[i], StandardCharsets.UTF_8));
		}
		HttpResponse<String> response = get(this.managementPort, path.toString());
		if (response.statusCode() == 404) {
			return null;
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private long count(String... tags) {
		JsonNode metric = metric(tags);
		if (metric == null) {
			return 0;
		}
		for (JsonNode measurement : metric.get("measurements")) {
			if (measurement.get("statistic").asString().equals("COUNT")) {
				return measurement.get("value").asLong();
			}
		}
		return 0;
	}

	private HttpResponse<String> get(int port, String path) {
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
