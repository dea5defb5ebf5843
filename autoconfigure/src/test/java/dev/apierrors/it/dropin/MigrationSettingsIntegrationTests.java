package dev.apierrors.it.dropin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;
import dev.apierrors.it.ShopApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two settings that restore Spring's own answers for clients written against them, while a team moves them to
 * the right ones: 400 for a failed validation, 403 for an unauthenticated request.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "api.errors.validation.status=400", "api.errors.authentication.unauthenticated-status=403" })
class MigrationSettingsIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void failedBodyValidationIs400WithTheSameCodeAndFields() {
		Http.Response response = this.http.send("POST", "/public/users",
				"{\"name\":\"\",\"email\":\"nope\",\"age\":12,\"address\":{\"city\":\"\",\"zipCode\":\"1\"}}",
				"Content-Type", "application/json");
		assertThat(response.status()).isEqualTo(400);
		JsonNode json = response.json();
		assertThat(json.get("error").asString()).isEqualTo("validation_failed");
		assertThat(json.get("fields").has("email")).isTrue();
	}

	@Test
	void failedParameterValidationIs400() {
		Http.Response response = this.http.get("/public/search?q=x&limit=500");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("validation_failed");
	}

	@Test
	void typedValidationExceptionKeepsItsOwn422() {
		assertThat(this.http.get("/public/invalid").status()).isEqualTo(422);
	}

	@Test
	void unauthenticatedRequestIs403WithTheSameCodeAndNoChallenge() {
		Http.Response response = this.http.get("/private/me");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("error").asString()).isEqualTo("authentication_required");
		assertThat(response.header("WWW-Authenticate")).isNull();
		assertThat(response.header("X-Request-Id")).isEqualTo(response.json().get("request_id").asString());
	}

	@Test
	void deniedRequestStays403Forbidden() {
		Http.Response response = this.http.get("/private/reports", "Authorization", "Bearer user");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("error").asString()).isEqualTo("forbidden");
	}

}
