package dev.apierrors.it.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uniform error contract of {@code dev.apierrors.it.ErrorAssertions}, for idempotency errors: a 409
 * {@code idempotency_key_in_use} carries {@code Retry-After}, so its body carries {@code retry_after} too.
 */
final class IdempotencyAssertions {

	private static final Set<String> ALLOWED = Set.of("error", "message", "request_id", "fields", "retry_after");

	private IdempotencyAssertions() {
	}

	static JsonNode assertError(Http.Response response, int status, String code) {
		assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode json = response.json();
		List<String> names = new ArrayList<>(json.propertyNames());
		assertThat(names).startsWith("error", "message", "request_id");
		assertThat(ALLOWED).containsAll(names);
		assertThat(json.get("error").asString()).isEqualTo(code);
		assertThat(json.get("message").asString()).isNotBlank();
		assertThat(json.get("request_id").asString()).isNotBlank().isEqualTo(response.header("X-Request-Id"));
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		String retryAfter = response.header("Retry-After");
		if (retryAfter != null) {
			assertThat(retryAfter).matches("[1-9][0-9]*");
			assertThat(json.get("retry_after").asLong()).isEqualTo(Long.parseLong(retryAfter));
		}
		else {
			assertThat(json.has("retry_after")).isFalse();
		}
		return json;
	}

}
