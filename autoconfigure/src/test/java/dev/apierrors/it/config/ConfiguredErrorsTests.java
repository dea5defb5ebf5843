package dev.apierrors.it.config;

import dev.apierrors.it.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What configuration and extension beans do to real responses of {@link ConfiguredApplication}; run once per
 * wire format by the subclasses, which check each format's own contract on every response.
 */
abstract class ConfiguredErrorsTests {

	static final String[] ENGLISH = { "Accept-Language", "en" };

	static final String[] FRENCH = { "Accept-Language", "fr" };

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	/**
	 * Assert the response is an error in the format under test, with the customizer's additions.
	 * @param path the path that was requested
	 * @param response the response
	 * @param status the expected status
	 * @param code the expected error code
	 * @return the body
	 */
	abstract JsonNode assertError(String path, Http.Response response, int status, String code);

	/** Return the client message, {@code message} or {@code detail} depending on the format. */
	abstract String message(JsonNode body);

	JsonNode get(String path, int status, String code, String... headers) {
		return assertError(path, this.http.get(path, headers), status, code);
	}

	String messageOf(String path, int status, String code, String... headers) {
		return message(get(path, status, code, headers));
	}

	static String[] with(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	// Mappings and their precedence

	@Test
	void configuredMappingAnswersLibraryException() {
		assertThat(messageOf("/public/missing-item", 404, "item_missing", ENGLISH)).isEqualTo("No such item.");
	}

	@Test
	void mappingAppliesToSubclasses() {
		Http.Response response = this.http.get("/public/vendor/quota", ENGLISH);
		JsonNode body = assertError("/public/vendor/quota", response, 502, "vendor_failed");
		assertThat(message(body)).isEqualTo("The vendor failed.");
		assertThat(response.body()).doesNotContain("4711", "exhausted");
	}

	@Test
	void nearestMappedClassWinsAndFallsBackToTheStatusMessage() {
		assertThat(messageOf("/public/vendor/timeout", 504, "vendor_timeout", ENGLISH))
			.isEqualTo("An upstream service did not answer in time.");
	}

	@Test
	void annotationNearerThanAMappedSuperclassWins() {
		assertThat(messageOf("/public/vendor/stock", 409, "stock_conflict", ENGLISH)).isEqualTo("Only 2 left in stock.");
	}

	@Test
	void mappingWinsOverAnnotationOnTheSameClass() {
		get("/public/vendor/twice", 410, "configured", ENGLISH);
	}

	@Test
	void mapperBeanWinsOverConfiguration() {
		Http.Response response = this.http.get("/public/busy", ENGLISH);
		JsonNode body = assertError("/public/busy", response, 503, "service_unavailable");
		assertThat(message(body)).isEqualTo("The service is busy.");
		assertThat(response.header("Retry-After")).isEqualTo("5");
	}

	@Test
	void mappedExceptionNeverShowsItsOwnMessage() {
		Http.Response response = this.http.get("/public/vendor/plain", ENGLISH);
		assertError("/public/vendor/plain", response, 502, "vendor_failed");
		assertThat(response.body()).doesNotContain("secret", "token abc");
	}

	@Test
	void perStatusMessageReplacesTheDefault() {
		assertThat(messageOf("/public/nothing-here", 404, "not_found", ENGLISH)).isEqualTo("Nothing here.");
	}

	@Test
	void typedExceptionMessageWinsOverPerStatusMessage() {
		assertThat(messageOf("/public/things/3", 404, "not_found", ENGLISH)).isEqualTo("Thing 3 does not exist.");
	}

	// Built-in library mappings and their overrides

	@Test
	void optimisticLockingFailureIsConflict() {
		assertThat(messageOf("/public/data/optimistic", 409, "conflict", ENGLISH))
			.isEqualTo("The resource was changed by another request. Reload it and try again.");
	}

	@Test
	void builtInDataMappingIsOverriddenByConfigurationForSubclassesToo() {
		Http.Response response = this.http.get("/public/data/duplicate", ENGLISH);
		JsonNode body = assertError("/public/data/duplicate", response, 422, "duplicate_value");
		assertThat(message(body)).isEqualTo("That value is already taken.");
		assertThat(response.body()).doesNotContain("users_email_key");
	}

	@Test
	void upstreamServerErrorFromRestClientIsBadGateway() {
		Http.Response response = this.http.get("/public/upstream/rest-client/503", ENGLISH);
		JsonNode body = assertError("/public/upstream/rest-client/503", response, 502, "bad_gateway");
		assertThat(message(body)).isEqualTo("A partner service failed.");
		assertThat(response.header("Retry-After")).isNull();
	}

	@Test
	void upstreamClientErrorFromRestClientIsThisApplicationsOwnFailure() {
		get("/public/upstream/rest-client/404", 500, "internal_error", ENGLISH);
	}

	@Test
	void restClientReadTimeoutIsGatewayTimeout() {
		get("/public/upstream/rest-client-timeout", 504, "gateway_timeout", ENGLISH);
	}

	@Test
	void restClientSocketTimeoutIsGatewayTimeout() {
		get("/public/upstream/rest-client-socket-timeout", 504, "gateway_timeout", ENGLISH);
	}

	@Test
	void refusedConnectionIsBadGateway() {
		get("/public/upstream/rest-client-refused", 502, "bad_gateway", ENGLISH);
	}

	@Test
	void upstreamServerErrorFromWebClientIsBadGateway() {
		get("/public/upstream/web-client/500", 502, "bad_gateway", ENGLISH);
	}

	@Test
	void upstreamClientErrorFromWebClientIsThisApplicationsOwnFailure() {
		get("/public/upstream/web-client/409", 500, "internal_error", ENGLISH);
	}

	@Test
	void webClientReadTimeoutIsGatewayTimeout() {
		get("/public/upstream/web-client-timeout", 504, "gateway_timeout", ENGLISH);
	}

	@Test
	void builtInSecurityMappingIsOverriddenByConfiguration() {
		Http.Response response = this.http.get("/private/me", with(ENGLISH, "Authorization", "Bearer forged"));
		JsonNode body = assertError("/private/me", response, 401, "invalid_token");
		assertThat(message(body)).isEqualTo("The token is not valid.");
		assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
	}

	@Test
	void methodSecurityDenialIs403() {
		get("/private/reports", 403, "forbidden", with(ENGLISH, "Authorization", "Bearer user"));
	}

	@Test
	void unauthenticatedRequestIs401() {
		get("/private/me", 401, "authentication_required", ENGLISH);
	}

	@Test
	void deniedByUrlRuleIs403() {
		get("/admin/stats", 403, "forbidden", with(ENGLISH, "Authorization", "Bearer user"));
	}

	// Other origins

	@Test
	void mappedExceptionFromAFilterIsAnswered() {
		get("/public/filter/vendor", 502, "vendor_failed", ENGLISH);
	}

	@Test
	void unexpectedExceptionFromAFilterIs500() {
		get("/public/filter/crash", 500, "internal_error", ENGLISH);
	}

	@Test
	void sendErrorIsAnswered() {
		get("/public/send-error/409", 409, "conflict", ENGLISH);
	}

	@Test
	void retryAfterTravelsInHeaderAndBody() {
		JsonNode body = get("/public/rate-limited", 429, "rate_limit_exceeded", ENGLISH);
		assertThat(body.get("retry_after").asLong()).isEqualTo(7);
	}

	@Test
	void invalidBodyListsFields() {
		Http.Response response = this.http.send("POST", "/public/items", "{\"name\":\"\"}",
				with(ENGLISH, "Content-Type", "application/json"));
		JsonNode body = assertError("/public/items", response, 422, "validation_failed");
		assertThat(body.get("fields").propertyNames()).containsExactly("name");
	}

	// Localisation

	@Test
	void messageFollowsAcceptLanguage() {
		assertThat(messageOf("/public/nothing-here", 404, "not_found", FRENCH)).isEqualTo("Ressource introuvable.");
		assertThat(messageOf("/public/nothing-here", 404, "not_found", ENGLISH)).isEqualTo("Nothing here.");
	}

	@Test
	void errorDispatchIsLocalised() {
		assertThat(messageOf("/public/send-error/404", 404, "not_found", FRENCH)).isEqualTo("Ressource introuvable.");
	}

	@Test
	void regionalLocaleFallsBackToItsLanguage() {
		assertThat(messageOf("/public/nothing-here", 404, "not_found", "Accept-Language", "fr-CH, en;q=0.5"))
			.isEqualTo("Ressource introuvable.");
	}

	@Test
	void typedExceptionKeepsItsMessageWhenItsCodeHasNoKey() {
		assertThat(messageOf("/public/users/7", 404, "user_not_found", FRENCH)).isEqualTo("User 7 does not exist.");
	}

	@Test
	void typedExceptionMessageIsReplacedWhenItsCodeHasAKey() {
		assertThat(messageOf("/public/things/7", 404, "not_found", FRENCH)).isEqualTo("Ressource introuvable.");
	}

	@Test
	void mappedMessageIsLocalised() {
		assertThat(messageOf("/public/missing-item", 404, "item_missing", FRENCH)).isEqualTo("Article introuvable.");
	}

	@Test
	void messageArgumentsFillPlaceholders() {
		assertThat(messageOf("/public/search", 400, "missing_parameter", FRENCH))
			.isEqualTo("Le paramètre « q » est obligatoire.");
		assertThat(messageOf("/public/search", 400, "missing_parameter", ENGLISH))
			.isEqualTo("Parameter 'q' is required.");
	}

	@Test
	void messageArgumentsAreInsertedAsTextNeverEvaluated() {
		String contentType = "text/plain;x=\"${7*7}#{7*7}{0}'{1}'\"";
		Http.Response response = this.http.send("POST", "/public/items", "name",
				with(FRENCH, "Content-Type", contentType));
		JsonNode body = assertError("/public/items", response, 415, "unsupported_media_type");
		assertThat(message(body)).startsWith("Le type " + contentType)
			.endsWith(" n'est pas pris en charge.")
			.doesNotContain("49");
	}

	@Test
	void securityErrorsAreLocalised() {
		assertThat(messageOf("/private/me", 401, "authentication_required", FRENCH))
			.isEqualTo("Authentification requise.");
		assertThat(messageOf("/admin/stats", 403, "forbidden", with(FRENCH, "Authorization", "Bearer user")))
			.isEqualTo("Accès refusé.");
	}

	@Test
	void validationErrorIsLocalisedAndKeepsItsFields() {
		Http.Response response = this.http.send("POST", "/public/items", "{\"name\":\"\"}",
				with(FRENCH, "Content-Type", "application/json"));
		JsonNode body = assertError("/public/items", response, 422, "validation_failed");
		assertThat(message(body)).isEqualTo("La requête contient des valeurs invalides.");
		assertThat(body.get("fields").has("name")).isTrue();
	}

	// Customizers

	@Test
	void customizerCannotReplaceReservedMembers() {
		JsonNode body = get("/public/users/7", 404, "user_not_found", ENGLISH);
		assertThat(body.path("status").asString("")).isNotEqualTo("hijacked");
	}

}
