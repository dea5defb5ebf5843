package dev.apierrors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment curl sequence of docs/idempotency.md, over real HTTP: a retry is replayed, a retry while the payment
 * runs is a 409, the same key for another payment a 422, and a payment without a key a 400.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.payments.provider-delay=600ms")
class PaymentIdempotencyTests {

	private static final String PAYMENT = "{\"amount\":4200,\"currency\":\"EUR\"}";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	PaymentController payments;

	private HttpResponse<String> pay(String token, String key, String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/payments"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void retryGetsTheSamePaymentBack() {
		String key = UUID.randomUUID().toString();
		long before = this.payments.count();
		HttpResponse<String> first = pay("alice-token", key, PAYMENT);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(json(first).get("status").asString()).isEqualTo("succeeded");
		HttpResponse<String> retry = pay("alice-token", key, PAYMENT);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(retry.headers().firstValue("X-Request-Id"))
			.isNotEqualTo(first.headers().firstValue("X-Request-Id"));
		assertThat(this.payments.count()).isEqualTo(before + 1);
	}

	@Test
	void retryWhileThePaymentRunsIsAConflict() throws Exception {
		String key = UUID.randomUUID().toString();
		CompletableFuture<HttpResponse<String>> first = CompletableFuture
			.supplyAsync(() -> pay("alice-token", key, PAYMENT));
		Thread.sleep(150);
		HttpResponse<String> retry = pay("alice-token", key, PAYMENT);
		List<HttpResponse<String>> both = List.of(first.get(), retry);
		// Whichever reached the service first paid; the other was told to come back.
		assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
		HttpResponse<String> conflict = both.stream().filter((response) -> response.statusCode() == 409).findFirst()
			.orElseThrow();
		assertThat(json(conflict).get("error").asString()).isEqualTo("idempotency_key_in_use");
		assertThat(conflict.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(json(conflict).get("retry_after").asInt()).isEqualTo(1);
		assertThat(json(conflict).get("request_id").asString())
			.isEqualTo(conflict.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void sameKeyForAnotherPaymentIsRefused() {
		String key = UUID.randomUUID().toString();
		pay("alice-token", key, PAYMENT);
		HttpResponse<String> other = pay("alice-token", key, "{\"amount\":9900,\"currency\":\"EUR\"}");
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(json(other).get("error").asString()).isEqualTo("idempotency_key_reused");
	}

	@Test
	void paymentWithoutAKeyIsRefused() {
		long before = this.payments.count();
		HttpResponse<String> response = pay("alice-token", null, PAYMENT);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("idempotency_key_required");
		assertThat(this.payments.count()).isEqualTo(before);
	}

	@Test
	void malformedKeyIsRefused() {
		HttpResponse<String> response = pay("alice-token", "not a key", PAYMENT);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).get("error").asString()).isEqualTo("idempotency_key_invalid");
	}

	@Test
	void eachUserHasKeysOfTheirOwn() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> alice = pay("alice-token", key, PAYMENT);
		HttpResponse<String> bob = pay("bob-token", key, PAYMENT);
		assertThat(json(alice).get("owner").asString()).isEqualTo("alice");
		assertThat(json(bob).get("owner").asString()).isEqualTo("bob");
		assertThat(bob.headers().firstValue("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void invalidPaymentIsAnsweredAndReplayedAsTheSame422() {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> first = pay("alice-token", key, "{\"amount\":0,\"currency\":\"EUR\"}");
		assertThat(first.statusCode()).isEqualTo(422);
		assertThat(json(first).get("error").asString()).isEqualTo("validation_failed");
		HttpResponse<String> retry = pay("alice-token", key, "{\"amount\":0,\"currency\":\"EUR\"}");
		assertThat(retry.statusCode()).isEqualTo(422);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(json(retry).get("fields")).isEqualTo(json(first).get("fields"));
		assertThat(json(retry).get("request_id").asString())
			.isEqualTo(retry.headers().firstValue("X-Request-Id").orElseThrow());
	}

}
