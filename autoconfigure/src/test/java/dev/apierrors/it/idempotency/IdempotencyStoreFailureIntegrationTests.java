package dev.apierrors.it.idempotency;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.idempotency.RedisIdempotencyStore;
import dev.apierrors.idempotency.TestRedis;
import dev.apierrors.it.Http;
import dev.apierrors.it.idempotency.IdempotencyApplication.Executions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;

import static dev.apierrors.it.idempotency.IdempotencyAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that cannot be reached answers 503 with {@code Retry-After}, and the handler does not run: executing
 * without the store could execute a retry twice.
 */
@SpringBootTest(classes = IdempotencyApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(IdempotencyStoreFailureIntegrationTests.FailingStoreConfiguration.class)
class IdempotencyStoreFailureIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Executions executions;

	@Test
	void failingStoreAnswers503WithRetryAfterAndDoesNotExecute() {
		String key = UUID.randomUUID().toString();
		Http.Response response = new Http(this.port).send("POST", "/idem/payments", "{\"amount\":1}", "Content-Type",
				"application/json", "Idempotency-Key", key);
		JsonNode json = assertError(response, 503, "idempotency_store_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("30");
		assertThat(json.get("message").asString()).doesNotContain("connection refused");
		assertThat(this.executions.count("payments", key)).isZero();
	}

	@Test
	void requestsWithoutKeysAreNotAffected() {
		Http.Response response = new Http(this.port).send("POST", "/idem/optional", "{}", "Content-Type",
				"application/json");
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void redisThatIsDownAnswers503AndDoesNotExecute() {
		int deadPort = TestRedis.freePort();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdempotencyApplication.class)
			.properties("server.port=0", "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + deadPort,
					"spring.data.redis.timeout=2s", "api.errors.retry-after.service-unavailable=5s")
			.run()) {
			assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
			int serverPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			String key = UUID.randomUUID().toString();
			long start = System.nanoTime();
			Http.Response response = new Http(serverPort).send("POST", "/idem/payments", "{\"amount\":1}",
					"Content-Type", "application/json", "Idempotency-Key", key);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertError(response, 503, "idempotency_store_unavailable");
			assertThat(response.header("Retry-After")).isEqualTo("5");
			assertThat(context.getBean(Executions.class).count("payments", key)).isZero();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingStoreConfiguration {

		@Bean
		IdempotencyStore failingStore() {
			return new IdempotencyStore() {

				@Override
				public Entry reserve(String key, String fingerprint, Duration lease) {
					throw new DataAccessResourceFailureException("connection refused: redis.internal:6379");
				}

				@Override
				public boolean complete(Reserved reservation, StoredResponse response, Duration expiry) {
					throw new DataAccessResourceFailureException("connection refused");
				}

				@Override
				public void release(Reserved reservation) {
					throw new DataAccessResourceFailureException("connection refused");
				}

			};
		}

	}

}
