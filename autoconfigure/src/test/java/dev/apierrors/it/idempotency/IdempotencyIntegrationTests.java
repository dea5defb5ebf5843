package dev.apierrors.it.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;
import dev.apierrors.it.idempotency.IdempotencyApplication.Executions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.idempotency.IdempotencyAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys over real HTTP on one instance with the in-memory store, behind Spring Security.
 */
@SpringBootTest(classes = IdempotencyApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "api.errors.idempotency.store=memory", "api.errors.idempotency.paths=/configured/**",
				"api.errors.idempotency.max-body-size=4KB" })
class IdempotencyIntegrationTests {

	private static final String JSON = "application/json";

	@LocalServerPort
	int port;

	@Autowired
	Executions executions;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void retryGetsTheFirstResponseReplayed() {
		String key = UUID.randomUUID().toString();
		Http.Response first = pay(key, "{\"amount\":100}");
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		Http.Response retry = pay(key, "{\"amount\":100}");
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("X-Payment-Trace")).isEqualTo("trace-1");
		assertThat(retry.contentType()).isEqualTo(first.contentType());
		assertThat(retry.header("Content-Length")).isEqualTo(first.header("Content-Length"));
		assertThat(this.executions.count("payments", key)).isEqualTo(1);
	}

	@Test
	void replayCarriesItsOwnRequestIdAndNoCookieOrCorsHeaderOfTheFirst() {
		String key = UUID.randomUUID().toString();
		Http.Response first = pay(key, "{\"amount\":100}");
		assertThat(first.header("Set-Cookie")).startsWith("visit=");
		assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("https://first.example");
		Http.Response retry = pay(key, "{\"amount\":100}", "X-Request-Id", "retry-42");
		assertThat(retry.headerValues("X-Request-Id")).containsExactly("retry-42");
		assertThat(retry.header("Set-Cookie")).isNull();
		assertThat(retry.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void quotedAndBareFormsOfAKeyAreTheSameKey() {
		String key = UUID.randomUUID().toString();
		pay(key, "{\"amount\":1}");
		Http.Response retry = this.http.send("POST", "/idem/payments", "{\"amount\":1}", "Content-Type", JSON,
				"Idempotency-Key", "\"" + key + "\"");
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void retryWhileTheFirstRunsIsAConflictWithRetryAfter() throws Exception {
		String key = UUID.randomUUID().toString();
		CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> post("/idem/slow", key, "{}"));
		assertThat(this.executions.awaitEntered(key)).isTrue();
		Http.Response retry = post("/idem/slow", key, "{}");
		JsonNode json = assertError(retry, 409, "idempotency_key_in_use");
		assertThat(retry.header("Retry-After")).isEqualTo("1");
		assertThat(json.get("retry_after").asLong()).isEqualTo(1);
		assertThat(json.get("message").asString()).contains("still being processed");
		this.executions.open(key);
		assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
		Http.Response afterwards = post("/idem/slow", key, "{}");
		assertThat(afterwards.status()).isEqualTo(200);
		assertThat(afterwards.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.executions.count("slow", key)).isEqualTo(1);
	}

	@Test
	void sameKeyWithAnotherBodyIsRefused() {
		String key = UUID.randomUUID().toString();
		pay(key, "{\"amount\":100}");
		JsonNode json = assertError(pay(key, "{\"amount\":999}"), 422, "idempotency_key_reused");
		assertThat(json.get("message").asString()).contains("different request");
		assertThat(this.executions.count("payments", key)).isEqualTo(1);
	}

	@Test
	void sameKeyOnAnotherEndpointIsRefused() {
		String key = UUID.randomUUID().toString();
		pay(key, "{\"amount\":100}");
		assertError(post("/idem/optional", key, "{\"amount\":100}"), 422, "idempotency_key_reused");
		assertError(this.http.send("PATCH", "/idem/payments/7", "{\"amount\":100}", "Content-Type", JSON,
				"Idempotency-Key", key), 422, "idempotency_key_reused");
	}

	@Test
	void sameKeyWithAnotherBodyWhileTheFirstRunsIsRefusedAsReuse() throws Exception {
		String key = UUID.randomUUID().toString();
		CompletableFuture<Http.Response> first = CompletableFuture.supplyAsync(() -> post("/idem/slow", key, "{}"));
		assertThat(this.executions.awaitEntered(key)).isTrue();
		assertError(post("/idem/slow", key, "{\"other\":true}"), 422, "idempotency_key_reused");
		this.executions.open(key);
		assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
	}

	@Test
	void requiredKeyThatIsMissingIsRefused() {
		JsonNode json = assertError(this.http.send("POST", "/idem/payments", "{\"amount\":1}", "Content-Type", JSON),
				400, "idempotency_key_required");
		assertThat(json.get("message").asString()).contains("Idempotency-Key");
		assertThat(this.executions.count("payments", "null")).isZero();
	}

	@Test
	void malformedKeysAreRefusedWithoutExecuting() {
		for (String malformed : new String[] { "two words", "\"unterminated", "k".repeat(256), "a,b", "\"\"" }) {
			JsonNode json = assertError(pay(malformed, "{\"amount\":1}"), 400, "idempotency_key_invalid");
			assertThat(json.get("message").asString()).doesNotContain(malformed);
			assertThat(this.executions.count("payments", malformed)).isZero();
		}
	}

	@Test
	void keySentTwiceIsMalformed() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/idem/payments"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":1}"))
			.header("Content-Type", JSON)
			.header("Idempotency-Key", "k1")
			.header("Idempotency-Key", "k2")
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"error\":\"idempotency_key_invalid\"");
	}

	@Test
	void optionalKeyThatIsMissingExecutesEveryTime() {
		assertThat(this.http.send("POST", "/idem/optional", "{}", "Content-Type", JSON).status()).isEqualTo(200);
		Http.Response second = this.http.send("POST", "/idem/optional", "{}", "Content-Type", JSON);
		assertThat(second.header("Idempotent-Replayed")).isNull();
		assertThat(second.json().get("execution").asInt()).isGreaterThanOrEqualTo(2);
		String key = UUID.randomUUID().toString();
		post("/idem/optional", key, "{}");
		assertThat(post("/idem/optional", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.executions.count("optional", key)).isEqualTo(1);
	}

	@Test
	void keysAreScopedPerPrincipal() {
		String key = UUID.randomUUID().toString();
		Http.Response user = pay(key, "{\"amount\":5}", "Authorization", "Bearer user");
		Http.Response admin = pay(key, "{\"amount\":5}", "Authorization", "Bearer admin");
		Http.Response anonymous = pay(key, "{\"amount\":5}");
		assertThat(user.json().get("owner").asString()).isEqualTo("user");
		assertThat(admin.json().get("owner").asString()).isEqualTo("admin");
		assertThat(anonymous.json().get("owner").isNull()).isTrue();
		assertThat(admin.header("Idempotent-Replayed")).isNull();
		assertThat(anonymous.header("Idempotent-Replayed")).isNull();
		assertThat(this.executions.count("payments", key)).isEqualTo(3);
		Http.Response userRetry = pay(key, "{\"amount\":5}", "Authorization", "Bearer user");
		assertThat(userRetry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(userRetry.body()).isEqualTo(user.body());
		assertThat(pay(key, "{\"amount\":5}", "Authorization", "Bearer admin").body()).isEqualTo(admin.body());
		assertThat(this.executions.count("payments", key)).isEqualTo(3);
	}

	@Test
	void responseExpiresAndTheKeyExecutesAgain() throws InterruptedException {
		String key = UUID.randomUUID().toString();
		post("/idem/short-lived", key, "{}");
		assertThat(post("/idem/short-lived", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
		Thread.sleep(2200);
		Http.Response later = post("/idem/short-lived", key, "{}");
		assertThat(later.header("Idempotent-Replayed")).isNull();
		assertThat(later.json().get("execution").asInt()).isEqualTo(2);
	}

	@Test
	void serverErrorReleasesTheKeySoThatARetryExecutes() {
		String key = UUID.randomUUID().toString();
		Http.Response failed = post("/idem/flaky", key, "{}");
		assertError(failed, 500, "internal_error");
		Http.Response retry = post("/idem/flaky", key, "{}");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(retry.json().get("execution").asInt()).isEqualTo(2);
		assertThat(post("/idem/flaky", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.executions.count("flaky", key)).isEqualTo(2);
	}

	@Test
	void clientErrorIsReplayedWithTheRetrysRequestId() {
		String key = UUID.randomUUID().toString();
		Http.Response first = post("/idem/already-paid", key, "{}");
		JsonNode original = assertError(first, 409, "order_already_paid");
		Http.Response retry = post("/idem/already-paid", key, "{}");
		JsonNode replayed = assertError(retry, 409, "order_already_paid");
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replayed.get("message").asString()).isEqualTo(original.get("message").asString());
		assertThat(replayed.get("request_id").asString()).isNotEqualTo(original.get("request_id").asString());
		assertThat(this.executions.count("already-paid", key)).isEqualTo(1);
	}

	@Test
	void errorStatusWithoutBodyIsReplayedWithTheUniformBody() {
		String key = UUID.randomUUID().toString();
		assertError(post("/idem/empty", key, "{}"), 404, "not_found");
		Http.Response retry = post("/idem/empty", key, "{}");
		assertError(retry, 404, "not_found");
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.executions.count("empty", key)).isEqualTo(1);
	}

	@Test
	void rateLimitedAnswerIsNotReplayed() {
		String key = UUID.randomUUID().toString();
		assertError(post("/idem/rate-limited", key, "{}"), 429, "rate_limit_exceeded");
		Http.Response retry = post("/idem/rate-limited", key, "{}");
		assertError(retry, 429, "rate_limit_exceeded");
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(this.executions.count("rate-limited", key)).isEqualTo(2);
	}

	@Test
	void patchTakesKeysToo() {
		String key = UUID.randomUUID().toString();
		Http.Response first = this.http.send("PATCH", "/idem/payments/7", "{\"memo\":\"x\"}", "Content-Type", JSON,
				"Idempotency-Key", key);
		Http.Response retry = this.http.send("PATCH", "/idem/payments/7", "{\"memo\":\"x\"}", "Content-Type", JSON,
				"Idempotency-Key", key);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void asyncHandlerIsReplayed() {
		String key = UUID.randomUUID().toString();
		Http.Response first = post("/idem/async", key, "{}");
		assertThat(first.status()).isEqualTo(200);
		Http.Response retry = post("/idem/async", key, "{}");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.executions.count("async", key)).isEqualTo(1);
	}

	@Test
	void formIsFingerprintedByItsFields() {
		String key = UUID.randomUUID().toString();
		String form = "application/x-www-form-urlencoded";
		Http.Response first = this.http.send("POST", "/idem/form", "amount=5", "Content-Type", form,
				"Idempotency-Key", key);
		assertThat(first.json().get("amount").asString()).isEqualTo("5");
		Http.Response retry = this.http.send("POST", "/idem/form", "amount=5", "Content-Type", form,
				"Idempotency-Key", key);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertError(this.http.send("POST", "/idem/form", "amount=6", "Content-Type", form, "Idempotency-Key", key),
				422, "idempotency_key_reused");
		assertThat(this.executions.count("form", key)).isEqualTo(1);
	}

	@Test
	void multipartIsFingerprintedByItsPartsWhateverTheBoundary() {
		String key = UUID.randomUUID().toString();
		Http.Response first = upload(key, "boundary-one", "receipt-1");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("file").asString()).isEqualTo("receipt.txt");
		Http.Response retry = upload(key, "boundary-two", "receipt-1");
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.body()).isEqualTo(first.body());
		assertError(upload(key, "boundary-one", "receipt-2"), 422, "idempotency_key_reused");
		assertThat(this.executions.count("upload", key)).isEqualTo(1);
	}

	private Http.Response upload(String key, String boundary, String content) {
		String body = "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"note\"\r\n\r\n" + "monthly\r\n"
				+ "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"receipt.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + content + "\r\n" + "--" + boundary + "--\r\n";
		return this.http.send("POST", "/idem/upload", body, "Content-Type", "multipart/form-data; boundary=" + boundary,
				"Idempotency-Key", key);
	}

	@Test
	void configuredPathTakesKeysWithoutAnAnnotation() {
		String key = UUID.randomUUID().toString();
		post("/configured/refunds", key, "{}");
		assertThat(post("/configured/refunds", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.executions.count("refunds", key)).isEqualTo(1);
		assertError(this.http.send("POST", "/configured/refunds", "{}", "Content-Type", JSON), 400,
				"idempotency_key_required");
	}

	@Test
	void annotatedControllerTakesKeysOnEveryHandler() {
		assertError(this.http.send("POST", "/idem/transfers", "{}", "Content-Type", JSON), 400,
				"idempotency_key_required");
		String key = UUID.randomUUID().toString();
		post("/idem/transfers", key, "{}");
		assertThat(post("/idem/transfers", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void keyOnAnEndpointThatIsNotIdempotentIsIgnored() {
		String key = UUID.randomUUID().toString();
		post("/idem/plain", key, "{}");
		Http.Response second = post("/idem/plain", key, "{}");
		assertThat(second.header("Idempotent-Replayed")).isNull();
		assertThat(this.executions.count("plain", key)).isEqualTo(2);
	}

	@Test
	void bodyOverTheLimitIsRefusedWithoutExecuting() {
		String key = UUID.randomUUID().toString();
		String large = "{\"amount\":1,\"memo\":\"" + "x".repeat(5000) + "\"}";
		assertError(pay(key, large), 413, "idempotency_body_too_large");
		assertThat(this.executions.count("payments", key)).isZero();
		// The key was not used up.
		assertThat(pay(key, "{\"amount\":1}").status()).isEqualTo(201);
	}

	@Test
	void parallelRetriesExecuteTheHandlerExactlyOnce() throws Exception {
		// A handler that takes 200 ms (every retry arrives while it runs), then one that answers at once.
		for (String endpoint : new String[] { "concurrent", "payments" }) {
			for (int round = 1; round <= 5; round++) {
				String key = UUID.randomUUID().toString();
				ConcurrentRetries.Outcome outcome = ConcurrentRetries.send(20, "/idem/" + endpoint, key,
						"{\"amount\":1}", this.port);
				System.out.println("One instance, /idem/" + endpoint + " round " + round
						+ " of 20 parallel requests with one key: " + outcome);
				assertThat(this.executions.count(endpoint, key)).isEqualTo(1);
				assertThat(outcome.executed).hasSize(1);
				assertThat(outcome.other).isEmpty();
				assertThat(outcome.replayed).allSatisfy((replay) -> assertThat(replay.body())
					.isEqualTo(outcome.executed.get(0).body()));
				outcome.inUse.forEach((refused) -> assertError(refused, 409, "idempotency_key_in_use"));
			}
		}
	}

	@Test
	void securityStillAnswersFirst() {
		String key = UUID.randomUUID().toString();
		Http.Response rejected = pay(key, "{\"amount\":1}", "Authorization", "Bearer forged");
		assertError(rejected, 401, "authentication_required");
		assertThat(this.executions.count("payments", key)).isZero();
	}

	private Http.Response pay(String key, String body, String... headers) {
		String[] all = new String[headers.length + 4];
		all[0] = "Content-Type";
		all[1] = JSON;
		all[2] = "Idempotency-Key";
		all[3] = key;
		System.arraycopy(headers, 0, all, 4, headers.length);
		return this.http.send("POST", "/idem/payments", body, all);
	}

	private Http.Response post(String path, String key, String body) {
		return this.http.send("POST", path, body, "Content-Type", JSON, "Idempotency-Key", key);
	}

}
