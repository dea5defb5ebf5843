package dev.apierrors.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the contract every error response keeps: status, JSON content type, exactly the documented members,
 * the request id in header and body, and the no-store and nosniff headers.
 */
public final class ErrorAssertions {

	private static final Set<String> ALLOWED = Set.of("error", "message", "request_id", "fields", "retry_after");

	private ErrorAssertions() {
	}

	public static JsonNode assertError(Http.Response response, int status, String code) {
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
		if (status == 429 || status == 503) {
			assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
			assertThat(json.get("retry_after").asLong()).isEqualTo(Long.parseLong(response.header("Retry-After")));
		}
		else {
			assertThat(json.has("retry_after")).isFalse();
		}
		if (status == 401) {
			assertThat(response.header("WWW-Authenticate")).isNotBlank();
		}
		return json;
	}

}
