package dev.apierrors.sample;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries of docs/observability.md against the sample: {@code /actuator/metrics} and {@code /actuator/prometheus}
 * on the management port count requests by {@code error.code}; the API port serves no actuator endpoint.
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
	void metricsCountRequestsByErrorCodeOnTheManagementPort() {
		assertThat(get(this.port, "/api/users/99").statusCode()).isEqualTo(404);
		String query = "/actuator/metrics/http.server.requests?tag="
				+ URLEncoder.encode("error.code:user_not_found", StandardCharsets.UTF_8);
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			HttpResponse<String> metric = get(this.managementPort, query);
			assertThat(metric.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(metric.body()).at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
		});
	}

	@Test
	void prometheusScrapeCarriesTheErrorCodeLabel() {
		assertThat(get(this.port, "/api/demo/rate-limited").statusCode()).isEqualTo(429);
		assertThat(get(this.port, "/api/users/1").statusCode()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(get(this.managementPort, "/actuator/prometheus").body())
				.containsPattern("http_server_requests_seconds_count\\{[^}]*error_code=\"rate_limit_exceeded\"")
				.containsPattern("http_server_requests_seconds_count\\{[^}]*error_code=\"none\"[^}]*uri=\"/api/users/\\{id}\""));
	}

	@Test
	void apiPortServesNoActuatorEndpoint() {
		assertThat(get(this.port, "/actuator/metrics").statusCode()).isIn(401, 404);
		assertThat(get(this.managementPort, "/actuator/errorcodes").statusCode()).isEqualTo(200);
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
