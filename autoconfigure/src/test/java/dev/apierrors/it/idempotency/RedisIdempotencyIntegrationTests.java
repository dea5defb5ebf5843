package dev.apierrors.it.idempotency;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.idempotency.RedisIdempotencyStore;
import dev.apierrors.idempotency.TestRedis;
import dev.apierrors.it.Http;
import dev.apierrors.it.idempotency.IdempotencyApplication.Executions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.apierrors.it.idempotency.IdempotencyAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service, each a Spring Boot application on its own port, sharing one real Redis server
 * (see {@link TestRedis}) through Boot's own Redis auto-configuration: a key is executed once whichever instance
 * each retry reaches.
 */
class RedisIdempotencyIntegrationTests {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	/**
	 * Start the instances before the first test: a test without Redis is then skipped (or failed, in CI) one by
	 * one, and counted as such.
	 */
	@BeforeEach
	void startTwoInstances() {
		int redis = TestRedis.port();
		if (first != null) {
			return;
		}
		System.out.println("Two instances sharing " + TestRedis.source());
		String prefix = "it:" + UUID.randomUUID() + ":";
		first = start(redis, prefix);
		second = start(redis, prefix);
	}

	@AfterAll
	static void stopInstances() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start(int redis, String prefix) {
		return new SpringApplicationBuilder(IdempotencyApplication.class)
			.properties("server.port=0", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis,
					"api.errors.idempotency.redis.key-prefix=" + prefix)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static int executions(String endpoint, String key) {
		return first.getBean(Executions.class).count(endpoint, key) + second.getBean(Executions.class).count(endpoint, key);
	}

	@Test
	void bothInstancesUseTheRedisStore() {
		assertThat(first.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
		assertThat(second.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
	}

	@Test
	void retryOnTheOtherInstanceIsReplayed() {
		String key = UUID.randomUUID().toString();
		Http.Response executed = pay(port(first), key, "{\"amount\":100}");
		assertThat(executed.status()).isEqualTo(201);
		Http.Response replayed = pay(port(second), key, "{\"amount\":100}");
		assertThat(replayed.status()).isEqualTo(201);
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replayed.body()).isEqualTo(executed.body());
		assertThat(replayed.header("Location")).isEqualTo(executed.header("Location"));
		assertThat(executions("payments", key)).isEqualTo(1);
	}

	@Test
	void retryOnTheOtherInstanceWhileTheFirstRunsIsAConflict() throws Exception {
		String key = UUID.randomUUID().toString();
		Executions firstExecutions = first.getBean(Executions.class);
		CompletableFuture<Http.Response> running = CompletableFuture
			.supplyAsync(() -> post(port(first), "/idem/slow", key, "{}"));
		assertThat(firstExecutions.awaitEntered(key)).isTrue();
		Http.Response retry = post(port(second), "/idem/slow", key, "{}");
		assertError(retry, 409, "idempotency_key_in_use");
		assertThat(retry.header("Retry-After")).isEqualTo("1");
		firstExecutions.open(key);
		assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(post(port(second), "/idem/slow", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(executions("slow", key)).isEqualTo(1);
	}

	@Test
	void otherBodyOnTheOtherInstanceIsRefused() {
		String key = UUID.randomUUID().toString();
		pay(port(first), key, "{\"amount\":100}");
		assertError(pay(port(second), key, "{\"amount\":5}"), 422, "idempotency_key_reused");
	}

	@Test
	void clientErrorReplayedByTheOtherInstanceCarriesItsRequestId() {
		String key = UUID.randomUUID().toString();
		assertError(post(port(first), "/idem/already-paid", key, "{}"), 409, "order_already_paid");
		Http.Response replayed = post(port(second), "/idem/already-paid", key, "{}");
		assertError(replayed, 409, "order_already_paid");
		assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void serverErrorOnOneInstanceLetsTheOtherExecute() {
		String key = UUID.randomUUID().toString();
		assertError(post(port(first), "/idem/flaky", key, "{}"), 500, "internal_error");
		// The flaky handler fails the first time it runs on each instance: the retry ran, and was not replayed.
		Http.Response retry = post(port(second), "/idem/flaky", key, "{}");
		assertError(retry, 500, "internal_error");
		assertThat(retry.header("Idempotent-Replayed")).isNull();
		assertThat(second.getBean(Executions.class).count("flaky", key)).isEqualTo(1);
		assertThat(post(port(first), "/idem/flaky", key, "{}").status()).isEqualTo(200);
		assertThat(post(port(second), "/idem/flaky", key, "{}").header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(executions("flaky", key)).isEqualTo(3);
	}

	@Test
	void parallelRetriesOnTwoInstancesExecuteTheHandlerExactlyOnce() throws Exception {
		// A handler that takes 200 ms (every retry arrives while it runs), then one that answers at once.
		for (String endpoint : new String[] { "concurrent", "payments" }) {
			for (int round = 1; round <= 5; round++) {
				String key = UUID.randomUUID().toString();
				ConcurrentRetries.Outcome outcome = ConcurrentRetries.send(20, "/idem/" + endpoint, key,
						"{\"amount\":1}", port(first), port(second));
				System.out.println("Two instances sharing Redis, /idem/" + endpoint + " round " + round
						+ " of 20 parallel requests with one key: " + outcome);
				assertThat(executions(endpoint, key)).isEqualTo(1);
				assertThat(outcome.executed).hasSize(1);
				assertThat(outcome.other).isEmpty();
				assertThat(outcome.replayed).allSatisfy((replay) -> assertThat(replay.body())
					.isEqualTo(outcome.executed.get(0).body()));
				outcome.inUse.forEach((refused) -> assertError(refused, 409, "idempotency_key_in_use"));
			}
		}
	}

	private static Http.Response pay(int port, String key, String body) {
		return post(port, "/idem/payments", key, body);
	}

	private static Http.Response post(int port, String path, String key, String body) {
		return new Http(port).send("POST", path, body, "Content-Type", "application/json", "Idempotency-Key", key);
	}

}
