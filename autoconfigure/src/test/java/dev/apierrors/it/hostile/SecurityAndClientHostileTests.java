package dev.apierrors.it.hostile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.hostile.Hostile.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security failures, CORS rejections and clients that ask for odd things: every answer keeps the uniform body, a
 * challenge on 401, and the request id.
 */
@HostileTest
class SecurityAndClientHostileTests {

	private static final String EVIL_ORIGIN = "https://evil.example";

	@LocalServerPort
	int port;

	Http http;

	RawHttp raw;

	@BeforeEach
	void clients() {
		this.http = new Http(this.port);
		this.raw = new RawHttp(this.port);
	}

	@Test
	void missingCredentialsAre401WithChallenge() {
		Http.Response response = this.http.get("/private/me");
		assertError(response, 401, "authentication_required");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void malformedAuthorizationIs401WithChallenge() {
		Http.Response response = this.raw.get("/private/me", RawHttp.ascii("Authorization: Bearer"));
		assertError(response, 401, "authentication_required");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void unsupportedSchemeIs401WithChallenge() {
		Http.Response response = this.http.get("/private/me", "Authorization", "Basic YWRtaW46YWRtaW4=");
		assertError(response, 401, "authentication_required");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void wrongCredentialsAre401AndTheTokenIsNeverEchoed() {
		Http.Response response = this.http.get("/private/me", "Authorization", "Bearer forged-token-<x>");
		assertError(response, 401, "authentication_required");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.body()).doesNotContain("forged");
	}

	@Test
	void deniedRoleIs403() {
		assertError(this.http.get("/admin/stats", "Authorization", "Bearer user"), 403, "forbidden");
	}

	@Test
	void missingCsrfTokenIs403() {
		assertError(this.http.send("POST", "/csrf/protected", "{}", "Authorization", "Bearer user", "Content-Type",
				"application/json"), 403, "invalid_csrf_token");
	}

	@Test
	void forgedCsrfTokenIs403() {
		assertError(this.http.send("POST", "/csrf/protected", "{}", "Authorization", "Bearer user", "Content-Type",
				"application/json", "X-CSRF-TOKEN", "forged"), 403, "invalid_csrf_token");
	}

	@Test
	void preflightFromDisallowedOriginIsUniform403() {
		Http.Response response = this.http.send("OPTIONS", "/private/me", null, "Origin", EVIL_ORIGIN,
				"Access-Control-Request-Method", "GET");
		JsonNode json = assertError(response, 403, "forbidden");
		assertThat(json.get("message").asString()).doesNotContain("Invalid CORS");
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
		assertThat(response.headerValues("Vary")).contains("Origin");
	}

	@Test
	void preflightWithDisallowedMethodIsUniform403() {
		Http.Response response = this.http.send("OPTIONS", "/public/orders", null, "Origin",
				HostileApplication.ALLOWED_ORIGIN, "Access-Control-Request-Method", "DELETE");
		assertError(response, 403, "forbidden");
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void simpleRequestFromDisallowedOriginIsUniform403() {
		Http.Response response = this.http.get("/public/orders/1", "Origin", EVIL_ORIGIN);
		assertError(response, 403, "forbidden");
		assertThat(response.body()).doesNotContain("\"id\"");
	}

	@Test
	void preflightFromAllowedOriginIsAnswered() {
		Http.Response response = this.http.send("OPTIONS", "/private/me", null, "Origin",
				HostileApplication.ALLOWED_ORIGIN, "Access-Control-Request-Method", "GET");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(HostileApplication.ALLOWED_ORIGIN);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void preflightRejectedBySpringMvcIsUniform403() {
		Http.Response response = this.http.send("OPTIONS", "/mvc-cors/items", null, "Origin", EVIL_ORIGIN,
				"Access-Control-Request-Method", "GET");
		assertError(response, 403, "forbidden");
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void actualRequestRejectedBySpringMvcIsUniform403() {
		assertError(this.http.get("/mvc-cors/items", "Origin", EVIL_ORIGIN), 403, "forbidden");
	}

	@Test
	void htmlClientGetsJson() {
		assertError(this.http.get("/public/orders/7", "Accept", "text/html"), 404, "not_found");
	}

	@Test
	void xmlClientGetsJson() {
		assertError(this.http.get("/public/orders/7", "Accept", "application/xml"), 404, "not_found");
	}

	@Test
	void malformedAcceptOnAnErrorStillGetsJson() {
		assertError(this.raw.get("/public/orders/7", RawHttp.ascii("Accept: ;;;/,,x/")), 404, "not_found");
	}

	@Test
	void malformedAcceptOnASuccessIsNotAcceptable() {
		Http.Response response = this.raw.get("/public/orders/1", RawHttp.ascii("Accept: text/html;q=oops/("));
		assertError(response, 406, "not_acceptable");
	}

	@Test
	void headOnAnErrorHasHeadersAndNoBody() {
		Http.Response response = this.http.send("HEAD", "/public/orders/7", null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.header("X-Request-Id")).matches(Hostile.GENERATED_ID);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void optionsOnAnExistingRouteListsMethods() {
		Http.Response response = this.http.send("OPTIONS", "/public/orders/1", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Allow")).contains("GET");
		assertThat(response.header("X-Request-Id")).matches(Hostile.GENERATED_ID);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void wrongMethodIs405WithAllow() {
		Http.Response response = this.http.send("DELETE", "/public/orders/1", null);
		assertError(response, 405, "method_not_allowed");
		assertThat(response.header("Allow")).contains("GET");
	}

	@Test
	void unknownMethodIsRejectedByTheFirewallWithUniform400() {
		assertError(this.http.send("PROPFIND", "/public/orders/1", null), 400, "bad_request");
	}

	@Test
	void firewallRejectionIsUniform400() {
		Http.Response response = this.raw.get("/public/orders/%2e%2e/1");
		assertThat(response.status()).isEqualTo(400);
		assertError(response, 400, "bad_request");
	}

}
