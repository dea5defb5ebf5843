package dev.apierrors.it.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.apierrors.it.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConfiguredApplication} with {@code api.errors.format: problem-details}: every origin (handlers, filters,
 * the error dispatch, Spring Security) answers RFC 9457 bodies whose {@code status} is the HTTP status.
 */
@SpringBootTest(classes = ConfiguredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=configured-app", "api.errors.format=problem-details",
				"api.errors.type-base=https://errors.example.com/problems" })
class ProblemDetailsIntegrationTests extends ConfiguredErrorsTests {

	private static final String TYPE_BASE = "https://errors.example.com/problems/";

	/** The RFC 9457 members, the documented extension members, and the one the customizer adds. */
	private static final Set<String> ALLOWED = Set.of("type", "title", "status", "detail", "instance", "error",
			"request_id", "fields", "retry_after", "docs");

	@Override
	JsonNode assertError(String path, Http.Response response, int status, String code) {
		assertThat(response.status()).as("status of %s: %s", path, response.body()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
		JsonNode body = response.json();
		List<String> names = new ArrayList<>(body.propertyNames());
		assertThat(names).startsWith("type", "title", "status", "detail", "instance", "error", "request_id")
			.endsWith("docs");
		assertThat(ALLOWED).containsAll(names);
		assertThat(body.get("status").isInt()).isTrue();
		assertThat(body.get("status").asInt()).isEqualTo(response.status());
		assertThat(body.get("type").asString()).isEqualTo(TYPE_BASE + code);
		assertThat(body.get("title").asString()).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
		assertThat(body.get("instance").asString()).isEqualTo(path);
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(body.get("error").asString()).isEqualTo(code);
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
		return body.get("detail").asString();
	}

	@Test
	void errorDispatchNamesTheRequestedPathAsInstance() {
		JsonNode body = get("/public/send-error/503", 503, "service_unavailable", ENGLISH);
		assertThat(body.get("instance").asString()).isEqualTo("/public/send-error/503");
	}

	@Test
	void headRequestGetsProblemHeadersWithoutBody() {
		Http.Response response = this.http.send("HEAD", "/public/users/7", null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
		assertThat(response.body()).isEmpty();
	}

}
