package dev.apierrors.it.clients;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.apierrors.it.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real services on random ports in one JVM: gateway A calls upstream B, both with the starter, through an HTTP
 * interface client, {@code RestClient} and {@code WebClient}. B's errors arrive in A as the documented answers,
 * the request id travels from A's client through A to B and back into both logs, and nothing of B's body reaches
 * A's client. A second gateway passes B's client errors through, as a gateway or BFF may choose to.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallingOtherServicesIntegrationTests {

	private static ConfigurableApplicationContext upstream;

	private static ConfigurableApplicationContext gateway;

	private static ConfigurableApplicationContext passThroughGateway;

	private static Http http;

	private static Http passThroughHttp;

	@BeforeAll
	static void startServices() throws IOException {
		upstream = new SpringApplicationBuilder(UpstreamApplication.class)
			.properties("server.port=0", "spring.application.name=users-service", "spring.main.banner-mode=off",
					"api.errors.logging.levels.4xx=info")
			.run();
		String upstreamUrl = "http://127.0.0.1:" + port(upstream);
		String closedUrl = "http://127.0.0.1:" + closedPort();
		gateway = gateway(upstreamUrl, closedUrl, "gateway");
		passThroughGateway = gateway(upstreamUrl, closedUrl, "bff", "api.errors.client.pass-through-client-errors=true");
		http = new Http(port(gateway));
		passThroughHttp = new Http(port(passThroughGateway));
	}

	private static ConfigurableApplicationContext gateway(String upstreamUrl, String closedUrl, String name,
			String... more) {
		return new SpringApplicationBuilder(GatewayApplication.class)
			.properties("server.port=0", "spring.application.name=" + name, "spring.main.banner-mode=off",
					"upstream.url=" + upstreamUrl, "upstream.closed-url=" + closedUrl,
					"spring.http.clients.read-timeout=10s",
					"spring.http.serviceclient.users.base-url=" + upstreamUrl,
					"spring.http.serviceclient.slow.base-url=" + upstreamUrl,
					"spring.http.serviceclient.slow.read-timeout=" + GatewayApplication.SHORT_READ_TIMEOUT.toMillis()
							+ "ms",
					"spring.http.serviceclient.closed.base-url=" + closedUrl)
			.properties(more)
			.run();
	}

	@AfterAll
	static void stopServices() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { passThroughGateway,
				gateway, upstream }) {
			if (context != null) {
				context.close();
			}
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** A port that was free a moment ago, so nothing listens on it: connections are refused. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String newId() {
		return "chain-" + UUID.randomUUID();
	}

	// The documented answers

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void upstreamNotFoundIsThisServicesOwnFailure(String via, CapturedOutput output) {
		String id = newId();
		Http.Response response = http.get("/call/" + via + "/not-found", "X-Request-Id", id);
		JsonNode body = assertError(response, 500, "internal_error");
		assertThat(body.get("request_id").asString()).isEqualTo(id);
		assertThat(response.body()).doesNotContain("user_not_found").doesNotContain("No user");
		assertThat(output).contains("GET /b/not-found -> 404 user_not_found: No user has id 7. request_id=" + id)
			.containsPattern("GET /call/" + via + "/not-found -> 500 internal_error: [^\\n]*\\(upstream GET "
					+ "http://127\\.0\\.0\\.1:\\d+/b/not-found -> 404 user_not_found \"No user has id 7\\.\" "
					+ "upstream_request_id=" + id + "\\) request_id=" + id);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void upstreamValidationFailureIsThisServicesOwnFailure(String via) {
		Http.Response response = http.get("/call/" + via + "/invalid");
		assertError(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("email").doesNotContain("validation_failed");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void upstreamRateLimitIsServiceUnavailableWithTheUpstreamsDelay(String via) {
		Http.Response response = http.get("/call/" + via + "/limited");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("7");
		assertThat(response.body()).doesNotContain("Slow down");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void upstreamServiceUnavailableIsServiceUnavailableWithTheUpstreamsDelay(String via) {
		Http.Response response = http.get("/call/" + via + "/unavailable");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("9");
		assertThat(response.body()).doesNotContain("Maintenance");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void upstreamServerErrorIsBadGateway(String via, CapturedOutput output) {
		String id = newId();
		Http.Response response = http.get("/call/" + via + "/crash", "X-Request-Id", id);
		assertError(response, 502, "bad_gateway");
		assertThat(response.header("Retry-After")).isNull();
		assertThat(response.body()).doesNotContain("internal_error").doesNotContain("postgresql");
		assertThat(output).containsPattern("GET /b/crash -> 500 internal_error: [^\\n]*request_id=" + id)
			.containsPattern("GET /call/" + via + "/crash -> 502 bad_gateway: [^\\n]*-> 500 internal_error [^\\n]*"
					+ "upstream_request_id=" + id + "\\) request_id=" + id);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void upstreamTimeoutIsGatewayTimeout(String via) {
		assertError(http.get("/slow/" + via), 504, "gateway_timeout");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void refusedConnectionIsBadGateway(String via) {
		assertError(http.get("/closed/" + via), 502, "bad_gateway");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void applicationMappingOfAnUpstreamCodeWins(String via) {
		Http.Response response = http.get("/call/" + via + "/closed-account");
		JsonNode body = assertError(response, 410, "account_closed");
		assertThat(body.get("message").asString()).isEqualTo("This account was closed.");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void successIsUntouched(String via) {
		Http.Response response = http.get("/call/" + via + "/ok");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("Ada");
	}

	// The request id

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void requestIdOfTheIncomingRequestReachesTheUpstreamOnceBesideOneTraceparent(String via) {
		String id = newId();
		Http.Response response = http.get("/call/" + via + "/echo", "X-Request-Id", id);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("request_id").asString()).isEqualTo(id);
		assertThat(response.json().get("request_id_headers").asInt()).isEqualTo(1);
		// Micrometer Tracing (OpenTelemetry, on the test class path) propagates the trace: once, not duplicated.
		assertThat(response.json().get("traceparent_headers").asInt()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void generatedRequestIdReachesTheUpstream(String via) {
		Http.Response response = http.get("/call/" + via + "/echo");
		assertThat(response.json().get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	// What the caller sees

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void callerSeesTheDecodedUpstreamError(String via) {
		String id = newId();
		JsonNode seen = http.get("/inspect/" + via + "/invalid", "X-Request-Id", id).json();
		assertThat(seen.get("exception").asString()).isEqualTo("UpstreamErrorException");
		assertThat(seen.get("status").asInt()).isEqualTo(422);
		assertThat(seen.get("code").asString()).isEqualTo("validation_failed");
		assertThat(seen.get("message").asString()).isEqualTo("The user is invalid.");
		assertThat(seen.get("fields").get("email").asString()).isEqualTo("must be a well-formed email address");
		assertThat(seen.get("request_id").asString()).isEqualTo(id);
		assertThat(seen.get("method").asString()).isEqualTo("GET");
		assertThat(seen.get("uri").asString()).endsWith("/b/invalid");
		assertThat(seen.get("exception_message").asString()).startsWith("Upstream GET http://127.0.0.1:")
			.endsWith("/b/invalid answered 422 validation_failed: The user is invalid. (upstream request_id=" + id
					+ ")");
		assertThat(seen.get("to_string").asString()).doesNotContain("fields").doesNotContain("email");
		assertThat(seen.get("response_body").asString()).contains("\"fields\"");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void callerSeesTheUpstreamsDelay(String via) {
		JsonNode seen = http.get("/inspect/" + via + "/limited").json();
		assertThat(seen.get("status").asInt()).isEqualTo(429);
		assertThat(seen.get("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(seen.get("retry_after").asLong()).isEqualTo(7);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void problemDetailsOfAnotherFrameworkAreDecodedToo(String via) {
		String id = newId();
		JsonNode seen = http.get("/inspect/" + via + "/problem", "X-Request-Id", id).json();
		assertThat(seen.get("exception").asString()).isEqualTo("UpstreamErrorException");
		assertThat(seen.get("status").asInt()).isEqualTo(403);
		assertThat(seen.get("code").asString()).isEqualTo("out_of_credit");
		assertThat(seen.get("message").asString()).isEqualTo("Your current balance is 30, but that costs 50.");
		assertThat(seen.get("fields").get("amount").asString()).isEqualTo("must not exceed the balance");
		// B has the starter, so its request id header is on this response too.
		assertThat(seen.get("request_id").asString()).isEqualTo(id);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void otherBodiesKeepSpringsExceptions(String via) {
		JsonNode plain = http.get("/inspect/" + via + "/plain").json();
		assertThat(plain.get("exception").asString()).endsWith("$NotFound");
		assertThat(plain.get("status").asInt()).isEqualTo(404);
		JsonNode foreign = http.get("/inspect/" + via + "/foreign-json").json();
		assertThat(foreign.get("exception").asString()).endsWith("$NotFound");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "rest-client", "web-client" })
	void clientWithDecodingSwitchedOffKeepsSpringsExceptions(String via) {
		JsonNode seen = http.get("/inspect-undecoded/" + via + "/not-found").json();
		assertThat(seen.get("exception").asString()).endsWith("$NotFound");
	}

	@Test
	void plainUpstreamErrorIsStillAnsweredByTheBuiltInRules() {
		assertError(http.get("/call/rest-client/plain"), 500, "internal_error");
	}

	// Passing client errors through

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void passThroughAnswersUpstreamClientErrorsAsTheUpstreamDid(String via) {
		String id = newId();
		Http.Response notFound = passThroughHttp.get("/call/" + via + "/not-found", "X-Request-Id", id);
		JsonNode body = assertError(notFound, 404, "user_not_found");
		assertThat(body.get("message").asString()).isEqualTo("No user has id 7.");
		assertThat(body.get("request_id").asString()).isEqualTo(id);
		JsonNode invalid = assertError(passThroughHttp.get("/call/" + via + "/invalid"), 422, "validation_failed");
		assertThat(invalid.get("fields").get("email").asString()).isEqualTo("must be a well-formed email address");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "interface", "rest-client", "web-client" })
	void passThroughKeepsTheRulesForRateLimitsAndServerErrors(String via) {
		Http.Response limited = passThroughHttp.get("/call/" + via + "/limited");
		assertError(limited, 503, "service_unavailable");
		assertThat(limited.header("Retry-After")).isEqualTo("7");
		assertError(passThroughHttp.get("/call/" + via + "/crash"), 502, "bad_gateway");
	}

	// Resilience

	@Test
	void openCircuitIsServiceUnavailableWithTheBreakersWait() {
		Http.Response response = http.get("/resilience/open-circuit");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("42");
		assertThat(response.body()).doesNotContain("CircuitBreaker");
	}

	@Test
	void rateLimiterRejectionIsTooManyRequestsWithTheRefreshPeriod() {
		Http.Response response = http.get("/resilience/rate-limited");
		assertError(response, 429, "rate_limit_exceeded");
		assertThat(response.header("Retry-After")).isEqualTo("5");
	}

	@Test
	void concurrencyLimitRejectionIsServiceUnavailableWithTheDefaultDelay() {
		Http.Response response = http.get("/resilience/concurrency-limit");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("30");
	}

	@Test
	void exhaustedRetriesAreAnsweredAsTheirLastFailure(CapturedOutput output) {
		String id = newId();
		Http.Response response = http.get("/resilience/retried", "X-Request-Id", id);
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("9");
		assertThat(output.getAll().split("GET /b/unavailable -> 503 service_unavailable: Maintenance\\. request_id=" + id,
				-1)).hasSize(4);
	}

}
