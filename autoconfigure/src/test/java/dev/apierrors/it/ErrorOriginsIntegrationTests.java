package dev.apierrors.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every origin of an error, over real HTTP, in an app whose security rules cover every path (the error path
 * included) and which has its own catch-all advice.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mvc.async.request-timeout=200ms", "spring.servlet.multipart.max-file-size=1KB",
				"spring.servlet.multipart.max-request-size=1KB" })
class ErrorOriginsIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void typedNotFoundAnswersWithItsMessage() {
		JsonNode json = assertError(this.http.get("/public/users/7"), 404, "not_found");
		assertThat(json.get("message").asString()).isEqualTo("User 7 does not exist.");
		assertThat(json.propertyNames()).containsExactly("error", "message", "request_id");
	}

	@Test
	void successCarriesRequestIdHeader() {
		Http.Response response = this.http.get("/public/users/1");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void typedConflictKeepsItsOwnCode() {
		JsonNode json = assertError(this.http.get("/public/conflict"), 409, "order_already_paid");
		assertThat(json.get("message").asString()).isEqualTo("The order is already paid.");
	}

	@Test
	void annotatedExceptionIsMapped() {
		Http.Response response = this.http.send("POST", "/public/users",
				"{\"name\":\"Ada\",\"email\":\"taken@example.com\",\"age\":30,\"address\":{\"city\":\"Paris\",\"zipCode\":\"75001\"}}",
				"Content-Type", "application/json");
		JsonNode json = assertError(response, 409, "duplicate_email");
		assertThat(json.get("message").asString()).isEqualTo("That email address is already registered.");
	}

	@Test
	void validationExceptionListsFields() {
		JsonNode json = assertError(this.http.get("/public/invalid"), 422, "validation_failed");
		assertThat(json.get("fields").get("quantity").asString()).isEqualTo("must be positive");
	}

	@Test
	void retryAfterIsSetOn429() {
		JsonNode json = assertError(this.http.get("/public/rate-limited"), 429, "rate_limit_exceeded");
		assertThat(json.get("retry_after").asLong()).isEqualTo(2);
	}

	@Test
	void retryAfterDefaultIsSetOn503() {
		Http.Response response = this.http.get("/public/maintenance");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("30");
	}

	@Test
	void badGatewayShowsTheDevelopersMessage() {
		JsonNode json = assertError(this.http.get("/public/upstream"), 502, "bad_gateway");
		assertThat(json.get("message").asString()).isEqualTo("The payment provider failed.");
	}

	@Test
	void concealedForbiddenAnswersExactlyAsNotFound() {
		Http.Response concealed = this.http.get("/public/documents/42");
		Http.Response missing = this.http.get("/public/users/9");
		JsonNode json = assertError(concealed, 404, "not_found");
		assertThat(json.get("message").asString()).isEqualTo("The requested resource was not found.")
			.doesNotContain("tenant");
		assertThat(concealed.headers().map().keySet()).isEqualTo(missing.headers().map().keySet());
	}

	@Test
	void malformedJsonIsInvalidJson() {
		Http.Response response = this.http.send("POST", "/public/users", "{\"name\": ", "Content-Type",
				"application/json");
		JsonNode json = assertError(response, 400, "invalid_json");
		assertThat(json.get("message").asString()).doesNotContain("Jackson", "tools.", "java.");
	}

	@Test
	void missingBodyIsInvalidJson() {
		assertError(this.http.send("POST", "/public/users", null, "Content-Type", "application/json"), 400,
				"invalid_json");
	}

	@Test
	void wrongJsonTypeNamesTheFieldAndKind() {
		Http.Response response = this.http.send("POST", "/public/users",
				"{\"name\":\"Ada\",\"email\":\"a@b.c\",\"age\":\"old\",\"address\":{\"city\":\"X\",\"zipCode\":\"12345\"}}",
				"Content-Type", "application/json");
		JsonNode json = assertError(response, 400, "invalid_field");
		assertThat(json.get("fields").get("age").asString()).isEqualTo("must be an integer");
		assertThat(response.body()).doesNotContain("java.", "int ", "Integer");
	}

	@Test
	void invalidBodyListsEveryFailingField() {
		Http.Response response = this.http.send("POST", "/public/users",
				"{\"name\":\"\",\"email\":\"nope\",\"age\":12,\"address\":{\"city\":\"\",\"zipCode\":\"1\"}}",
				"Content-Type", "application/json");
		JsonNode json = assertError(response, 422, "validation_failed");
		assertThat(json.get("fields").propertyNames()).containsExactlyInAnyOrder("name", "email", "age",
				"address.city", "address.zipCode");
	}

	@Test
	void constrainedQueryParameterIs422() {
		JsonNode json = assertError(this.http.get("/public/search?q=x&limit=500"), 422, "validation_failed");
		assertThat(json.get("fields").has("limit")).isTrue();
	}

	@Test
	void classLevelValidatedConstraintIs422() {
		JsonNode json = assertError(this.http.get("/public/validated/items?page=0"), 422, "validation_failed");
		assertThat(json.get("fields").has("page")).isTrue();
	}

	@Test
	void missingQueryParameter() {
		JsonNode json = assertError(this.http.get("/public/search"), 400, "missing_parameter");
		assertThat(json.get("message").asString()).contains("'q'");
	}

	@Test
	void wrongTypeOfPathParameter() {
		JsonNode json = assertError(this.http.get("/public/users/abc"), 400, "invalid_parameter");
		assertThat(json.get("message").asString()).isEqualTo("Parameter 'id' must be an integer.");
	}

	@Test
	void missingHeader() {
		assertError(this.http.get("/public/header"), 400, "missing_header");
	}

	@Test
	void unknownRouteIsNotFound() {
		assertError(this.http.get("/public/nothing-here"), 404, "not_found");
	}

	@Test
	void wrongMethodKeepsAllow() {
		Http.Response response = this.http.send("DELETE", "/public/users/1", null);
		assertError(response, 405, "method_not_allowed");
		assertThat(response.header("Allow")).contains("GET");
	}

	@Test
	void unsupportedContentTypeKeepsAccept() {
		Http.Response response = this.http.send("POST", "/public/users", "name=x", "Content-Type", "text/plain");
		assertError(response, 415, "unsupported_media_type");
		assertThat(response.header("Accept")).contains("application/json");
	}

	@Test
	void unmetAcceptGetsJsonAnyway() {
		assertError(this.http.get("/public/json-only", "Accept", "application/xml"), 406, "not_acceptable");
	}

	@Test
	void htmlClientsGetJson() {
		assertError(this.http.get("/public/users/7", "Accept", "text/html"), 404, "not_found");
	}

	@Test
	void uploadOverTheLimitIs413() {
		String boundary = "b0undary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
		assertError(this.http.send("POST", "/public/upload", body, "Content-Type",
				"multipart/form-data; boundary=" + boundary), 413, "payload_too_large");
	}

	@Test
	void asyncTimeoutIs503WithRetryAfter() {
		assertError(this.http.get("/public/slow"), 503, "service_unavailable");
	}

	@Test
	void responseStatusExceptionKeepsStatusAndReason() {
		JsonNode json = assertError(this.http.get("/public/status"), 402, "payment_required");
		assertThat(json.get("message").asString()).isEqualTo("Your plan has expired.");
	}

	@Test
	void sendErrorGetsTheUniformBodyAndKeepsEarlierHeaders() {
		Http.Response response = this.http.get("/public/send-error/409");
		assertError(response, 409, "conflict");
		assertThat(response.header("X-Legacy")).isEqualTo("yes");
	}

	@Test
	void sendError503GetsDefaultRetryAfter() {
		assertError(this.http.get("/public/send-error/503"), 503, "service_unavailable");
	}

	@Test
	void unexpectedExceptionRevealsNothing() {
		Http.Response response = this.http.get("/public/failures/crash");
		JsonNode json = assertError(response, 500, "internal_error");
		assertThat(json.get("message").asString()).isEqualTo("An unexpected error occurred.");
		assertThat(response.body()).doesNotContain("SELECT", "hunter2", "com.acme", "IllegalState");
	}

	@Test
	void exceptionWhoseMessageThrowsStillGetsSafe500() {
		assertError(this.http.get("/public/failures/broken-message"), 500, "internal_error");
	}

	@Test
	void exceptionInServletFilterIs500() {
		Http.Response response = this.http.get("/public/filter-failure");
		assertError(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("jdbc", "db.internal");
	}

	@Test
	void typedExceptionInServletFilterKeepsItsStatus() {
		assertError(this.http.get("/public/filter-rate-limit"), 429, "rate_limit_exceeded");
	}

	@Test
	void applicationsSpecificHandlerWins() {
		Http.Response response = this.http.get("/public/application-specific");
		assertThat(response.status()).isEqualTo(418);
		assertThat(response.json().get("handled_by").asString()).isEqualTo("application");
	}

	@Test
	void catchAllStillGetsUnknownExceptions() {
		Http.Response response = this.http.get("/public/crash");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.json().get("handled_by").asString()).isEqualTo("catch_all");
	}

	@Test
	void headRequestGetsStatusAndHeadersButNoBody() {
		Http.Response response = this.http.send("HEAD", "/public/users/7", null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void unauthenticatedIs401WithBearerChallenge() {
		Http.Response response = this.http.get("/private/me");
		assertError(response, 401, "authentication_required");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
	}

	@Test
	void unknownRouteOutsidePublicAreaIs401NotEmpty() {
		assertError(this.http.get("/no/such/thing"), 401, "authentication_required");
	}

	@Test
	void badCredentialsAre401() {
		assertError(this.http.get("/private/me", "Authorization", "Bearer forged"), 401, "authentication_required");
	}

	@Test
	void deniedByUrlRuleIs403() {
		assertError(this.http.get("/admin/stats", "Authorization", "Bearer user"), 403, "forbidden");
	}

	@Test
	void deniedByPreAuthorizeIs403EvenWithCatchAllAdvice() {
		assertError(this.http.get("/private/reports", "Authorization", "Bearer user"), 403, "forbidden");
	}

	@Test
	void preAuthorizeForAnonymousIs401() {
		assertError(this.http.get("/private/reports"), 401, "authentication_required");
	}

	@Test
	void missingCsrfTokenIs403() {
		assertError(this.http.send("POST", "/csrf/protected", "{}", "Authorization", "Bearer user", "Content-Type",
				"application/json"), 403, "invalid_csrf_token");
	}

	@Test
	void authenticatedErrorsInsideSecuredAreaKeepTheirStatus() {
		assertError(this.http.send("POST", "/private/echo", "{oops", "Authorization", "Bearer user",
				"Content-Type", "application/json"), 400, "invalid_json");
	}

	@Test
	void rfc6750CodeTravelsInChallengeAndBody() {
		Http.Response response = this.http.get("/public/token");
		assertError(response, 401, "invalid_token");
		assertThat(response.header("WWW-Authenticate"))
			.isEqualTo("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The token expired.\"");
	}

	@Test
	void errorStatusWithoutBodyGetsTheUniformBody() {
		Http.Response response = this.http.get("/public/empty-not-found");
		JsonNode json = assertError(response, 404, "not_found");
		assertThat(json.get("message").asString()).isEqualTo("The requested resource was not found.");
	}

	@Test
	void statusOnly401FromAFilterGetsTheUniformBodyAndKeepsItsChallenge() {
		Http.Response response = this.http.get("/public/status-only-401");
		assertError(response, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"");
	}

	@Test
	void successWithoutBodyIsLeftAlone() {
		Http.Response response = this.http.get("/public/no-content");
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(response.contentType()).isNull();
	}

	@Test
	void anyApiExceptionCanAskForRetryAfter() {
		Http.Response response = this.http.get("/public/generic-retry");
		JsonNode json = assertError(response, 503, "queue_full");
		assertThat(response.header("Retry-After")).isEqualTo("7");
		assertThat(json.get("retry_after").asLong()).isEqualTo(7);
	}

}
