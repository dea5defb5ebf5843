package dev.apierrors.it.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.apierrors.it.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConfiguredApplication} with {@code api.errors.format: simple}, the default.
 */
@SpringBootTest(classes = ConfiguredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=configured-app", "api.errors.format=simple" })
class SimpleFormatIntegrationTests extends ConfiguredErrorsTests {

	/** The documented members plus the one the application's customizer adds. */
	private static final Set<String> ALLOWED = Set.of("error", "message", "request_id", "fields", "retry_after",
			"docs");

	@Override
	JsonNode assertError(String path, Http.Response response, int status, String code) {
		assertThat(response.status()).as("status of %s: %s", path, response.body()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
		JsonNode body = response.json();
		List<String> names = new ArrayList<>(body.propertyNames());
		assertThat(names).startsWith("error", "message", "request_id").endsWith("docs");
		assertThat(ALLOWED).containsAll(names);
		assertThat(body.get("error").asString()).isEqualTo(code);
		assertThat(body.get("message").asString()).isNotBlank();
		assertThat(body.get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
		assertThat(body.get("docs").asString()).isEqualTo(ConfiguredApplication.DOCS + code);
		assertThat(response.header("Link")).isEqualTo("<" + ConfiguredApplication.DOCS + code + ">; rel=\"help\"");
		if (response.header("Retry-After") != null) {
			assertThat(body.get("retry_after").asString()).isEqualTo(response.header("Retry-After"));
		}
		else {
			assertThat(body.has("retry_after")).isFalse();
		}
		return body;
	}

	@Override
	String message(JsonNode body) {
		return body.get("message").asString();
	}

	@Test
	void simpleBodyHasNoProblemDetailsMembers() {
		JsonNode body = get("/public/users/7", 404, "user_not_found", ENGLISH);
		assertThat(body.propertyNames()).doesNotContain("type", "title", "status", "detail", "instance");
	}

}
