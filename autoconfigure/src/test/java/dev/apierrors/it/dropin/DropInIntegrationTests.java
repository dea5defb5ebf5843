package dev.apierrors.it.dropin;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.apierrors.ApiException;
import dev.apierrors.it.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import static dev.apierrors.it.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What an existing application relied on keeps working once the starter is on the classpath, over real HTTP:
 * {@code @ResponseStatus}, its own resolvers and advices (in a child context too), headers it set, wrapped
 * exceptions, and the Spring answers a client already got right.
 */
@SpringBootTest(classes = DropInApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DropInIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	// @ResponseStatus

	@Test
	void responseStatusOnTheExceptionClassSetsTheStatus() {
		JsonNode json = assertError(this.http.get("/idioms/response-status"), 409, "conflict");
		assertThat(json.get("message").asString()).isEqualTo("The request conflicts with the current state of the resource.");
	}

	@Test
	void responseStatusReasonIsTheClientMessage() {
		JsonNode json = assertError(this.http.get("/idioms/response-status-reason"), 409, "conflict");
		assertThat(json.get("message").asString()).isEqualTo("The order has already shipped.");
	}

	@Test
	void responseStatusIsInheritedBySubclasses() {
		assertError(this.http.get("/idioms/response-status-subclass"), 409, "conflict");
	}

	@Test
	void responseStatusOfTheCauseAnswersAsSpringDoes() {
		JsonNode json = assertError(this.http.get("/idioms/response-status-cause"), 409, "conflict");
		assertThat(json.get("message").asString()).isEqualTo("The order has already shipped.");
	}

	@Test
	void responseStatusOnAnInterfaceOfTheExceptionCounts() {
		assertError(this.http.get("/idioms/response-status-interface"), 410, "gone");
	}

	@Test
	void responseStatusReasonOfAHandlerMethodIsTheClientMessage() {
		JsonNode json = assertError(this.http.get("/idioms/response-status-method"), 410, "gone");
		assertThat(json.get("message").asString()).isEqualTo("This API version was retired.");
	}

	// The application's own resolvers and advices

	@Test
	void applicationsHandlerExceptionResolverStillAnswersItsExceptions() {
		Http.Response response = this.http.get("/idioms/legacy");
		assertThat(response.status()).isEqualTo(418);
		assertThat(response.body()).isEqualTo("legacy resolver");
	}

	@Test
	void sendErrorOfAnApplicationsResolverGetsTheUniformBody() {
		assertError(this.http.get("/idioms/legacy-send-error"), 410, "gone");
	}

	@Test
	void applicationResolverOrderedFirstWinsEvenForAnExceptionTheStarterKnows() {
		Http.Response response = this.http.get("/idioms/priority");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"legacy\":true}");
	}

	@Test
	void adviceForACauseDeepInTheChainStillWins() {
		Http.Response response = this.http.get("/causes/specific");
		assertThat(response.status()).isEqualTo(418);
		assertThat(response.body()).isEqualTo("specific advice");
	}

	@Test
	void sameOuterClassesWithAnotherDeepCauseAreMatchedAfresh() {
		this.http.get("/causes/specific");
		JsonNode json = assertError(this.http.get("/causes/known"), 404, "order_not_found");
		assertThat(json.get("message").asString()).isEqualTo("No order 9.");
		assertThat(this.http.get("/causes/specific").status()).isEqualTo(418);
	}

	@Test
	void adviceOfAChildDispatcherServletContextWins() {
		Http.Response response = this.http.get("/child/known");
		assertThat(response.status()).isEqualTo(418);
		assertThat(response.body()).isEqualTo("child advice");
	}

	// Wrapped exceptions

	@Test
	void typedExceptionInACompletionExceptionAnswersAsItself() {
		JsonNode json = assertError(this.http.get("/idioms/completion"), 404, "user_not_found");
		assertThat(json.get("message").asString()).isEqualTo("No user has id 7.");
	}

	@Test
	void typedExceptionInAnExecutionExceptionAnswersAsItself() {
		assertError(this.http.get("/idioms/execution"), 409, "order_locked");
	}

	@Test
	void typedExceptionInAnUndeclaredThrowableExceptionAnswersAsItself() {
		JsonNode json = assertError(this.http.get("/idioms/undeclared"), 422, "validation_failed");
		assertThat(json.get("fields").get("quantity").asString()).isEqualTo("must be positive");
	}

	@Test
	void responseStatusExceptionWrappedInAnotherAnswersAsSpringDoes() {
		JsonNode json = assertError(this.http.get("/idioms/wrapped-rse"), 404, "not_found");
		assertThat(json.get("message").asString()).isEqualTo("No such order.");
	}

	@Test
	void errorsThrownByApplicationCodeAreUnexpected500s() {
		JsonNode json = assertError(this.http.get("/idioms/assertion"), 500, "internal_error");
		assertThat(json.get("message").asString()).doesNotContain("invariant");
	}

	@Test
	void emptyOptionalIsAServerBugNotANotFound() {
		assertError(this.http.get("/idioms/no-such-element"), 500, "internal_error");
	}

	// Binding

	@Test
	void wrongTypedValueOfAValidatedQueryObjectIsInvalidParameter() {
		JsonNode json = assertError(this.http.get("/idioms/query-object?size=abc&page=1"), 400, "invalid_parameter");
		assertThat(json.get("fields").get("size").asString()).isEqualTo("must be an integer");
	}

	@Test
	void wrongTypedValueOfAModelAttributeIsInvalidParameter() {
		JsonNode json = assertError(this.http.get("/idioms/model-attribute?size=1&page=x"), 400, "invalid_parameter");
		assertThat(json.get("fields").get("page").asString()).isEqualTo("must be an integer");
	}

	@Test
	void constraintFailureOfAValidatedQueryObjectStaysAValidationFailure() {
		JsonNode json = assertError(this.http.get("/idioms/query-object?size=0&page=1"), 422, "validation_failed");
		assertThat(json.get("fields").has("size")).isTrue();
	}

	@Test
	void typeFailureBesideAConstraintFailureIsInvalidParameterListingBoth() {
		JsonNode json = assertError(this.http.get("/idioms/query-object?size=0&page=x"), 400, "invalid_parameter");
		assertThat(json.get("fields").has("size")).isTrue();
		assertThat(json.get("fields").get("page").asString()).isEqualTo("must be an integer");
	}

	@Test
	void constraintOnTheHandlersReturnValueIsAServerBug() {
		JsonNode json = assertError(this.http.get("/robust/return-value"), 500, "internal_error");
		assertThat(json.has("fields")).isFalse();
	}

	@Test
	void constraintOnAValidatedServicesReturnValueIsAServerBug() {
		JsonNode json = assertError(this.http.get("/robust/service-return-value"), 500, "internal_error");
		assertThat(json.has("fields")).isFalse();
	}

	// Headers the application set

	@Test
	void retryAfterSetBeforeSendErrorIsKept() {
		Http.Response response = this.http.get("/retry-after/send-error");
		JsonNode json = assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("120");
		assertThat(json.get("retry_after").asLong()).isEqualTo(120);
	}

	@Test
	void retryAfterHeaderOfTheExceptionIsKept() {
		Http.Response response = this.http.get("/retry-after/exception-header");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("300");
		assertThat(response.headerValues("Retry-After")).hasSize(1);
	}

	@Test
	void retryAfterHeaderOfAnApiExceptionIsKept() {
		Http.Response response = this.http.get("/retry-after/api-exception-header");
		JsonNode json = assertError(response, 429, "slow_down");
		assertThat(response.header("Retry-After")).isEqualTo("300");
		assertThat(json.get("retry_after").asLong()).isEqualTo(300);
	}

	@Test
	void retryAfterOfAResponseEntityWithoutBodyIsKept() {
		Http.Response response = this.http.get("/retry-after/entity");
		JsonNode json = assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("120");
		assertThat(json.get("retry_after").asLong()).isEqualTo(120);
	}

	@Test
	void retryAfterDateOfTheApplicationIsKeptAndCountedInTheBody() {
		Http.Response response = this.http.get("/retry-after/entity-date");
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.header("Retry-After")).endsWith("GMT");
		assertThat(response.json().get("retry_after").asLong()).isBetween(80L, 91L);
	}

	@Test
	void retryAfterSetBeforeATypedExceptionWithoutDelayIsKept() {
		Http.Response response = this.http.get("/retry-after/before-throw");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("45");
	}

	@Test
	void delayOfTheExceptionWinsOverAnEarlierHeader() {
		Http.Response response = this.http.get("/retry-after/explicit-wins");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("7");
	}

	@Test
	void configuredDefaultIsSentWhenNobodySetOne() {
		Http.Response response = this.http.get("/retry-after/default");
		assertError(response, 503, "service_unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("30");
	}

	// Broken responses

	@Test
	void failureAfterWritingThroughTheWriterGetsTheFullUniformBody() {
		Http.Response response = this.http.get("/robust/writer-then-fail");
		JsonNode json = assertError(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("partial");
		assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(response.body().length()));
		assertThat(json.get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	@Test
	void failureAfterWritingThroughTheStreamGetsTheFullUniformBody() {
		Http.Response response = this.http.get("/robust/stream-then-fail");
		assertError(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("partial");
	}

	@Test
	void directRequestForTheErrorPathIsANotFound(CapturedOutput output) {
		Http.Response response = this.http.get("/error");
		assertError(response, 404, "not_found");
		assertThat(this.http.send("POST", "/error", "{}", "Content-Type", "application/json").status()).isEqualTo(404);
		assertThat(output).doesNotContain("ERROR").doesNotContain("-> 500");
	}

	// Text that must stay on the server

	@Test
	void reasonOfA500ResponseStatusExceptionIsNeverShown(CapturedOutput output) {
		Http.Response response = this.http.get("/text/rse-500");
		JsonNode json = assertError(response, 500, "internal_error");
		assertThat(json.get("message").asString()).isEqualTo("An unexpected error occurred.");
		assertThat(response.body()).doesNotContain("jdbc", "password", "hunter2");
		assertThat(output).contains("hunter2").contains(response.header("X-Request-Id"));
	}

	@Test
	void reasonOfA503ResponseStatusExceptionIsNeverShown() {
		Http.Response response = this.http.get("/text/rse-503");
		JsonNode json = assertError(response, 503, "service_unavailable");
		assertThat(response.body()).doesNotContain("10.0.0.5", "pool");
		assertThat(json.get("message").asString()).isEqualTo("The service is temporarily unavailable. Retry later.");
	}

	@Test
	void reasonOfA4xxResponseStatusExceptionIsShown() {
		JsonNode json = assertError(this.http.get("/text/rse-409"), 409, "conflict");
		assertThat(json.get("message").asString()).isEqualTo("The order has already shipped.");
	}

	@Test
	void detailOfA5xxErrorResponseIsNeverShown() {
		Http.Response response = this.http.get("/text/error-response-500");
		assertError(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("db.internal", "secret");
	}

	@Test
	void detailOfA4xxErrorResponseIsShown() {
		JsonNode json = assertError(this.http.get("/text/error-response-409"), 409, "conflict");
		assertThat(json.get("message").asString()).isEqualTo("The cart is locked.");
	}

	@Test
	void reasonOfA5xxResponseStatusAnnotationIsNeverShown() {
		Http.Response response = this.http.get("/text/response-status-500");
		assertError(response, 500, "internal_error");
		assertThat(response.body()).doesNotContain("jdbc", "hunter2");
	}

	@Test
	void errorResponseWithAStatusThatIsNoErrorIsLeftToSpring() {
		Http.Response response = this.http.get("/text/error-response-304");
		assertThat(response.status()).isEqualTo(304);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void apiErrorBuiltFromACauseNeverShowsTheCausesText() {
		Http.Response response = this.http.get("/text/api-error-cause");
		JsonNode json = assertError(response, 409, "duplicate_user");
		assertThat(json.get("message").asString()).isEqualTo("The request conflicts with the current state of the resource.");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("SQL", "users_email_key", "duplicate key");
	}

	@Test
	void apiErrorMessageThatRepeatsTheCauseIsNeverShown() {
		Http.Response response = this.http.get("/text/api-error-derived");
		assertError(response, 409, "duplicate_user");
		assertThat(response.body()).doesNotContain("users_email_key");
	}

	@Test
	void apiErrorsOwnMessageIsShown() {
		JsonNode json = assertError(this.http.get("/text/api-error-own-message"), 409, "duplicate_user");
		assertThat(json.get("message").asString()).isEqualTo("That email address is already registered.");
	}

	@Test
	void apiErrorsDeclaredMessageIsShown() {
		JsonNode json = assertError(this.http.get("/text/api-error-declared-message"), 409, "duplicate_user");
		assertThat(json.get("message").asString()).isEqualTo("That user already exists.");
	}

	@Test
	void apiExceptionRejectsAStatusThatIsNoError() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiException(HttpStatus.FOUND, "moved", "Moved."));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApiException(HttpStatus.NOT_MODIFIED, "not_modified", "Same."));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiException(HttpStatus.OK, "ok", "Fine."));
	}

	@Test
	void customizersCannotBreakTheContractHeaders() {
		Http.Response response = this.http.get("/text/customized");
		assertThat(response.status()).isEqualTo(409);
		JsonNode json = response.json();
		assertThat(json.propertyNames()).containsExactly("error", "message", "request_id", "customized_by");
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.header("X-Request-Id")).isEqualTo(json.get("request_id").asString()).isNotEqualTo("forged");
		assertThat(response.header("X-Allowed")).isEqualTo("yes");
		assertThat(response.header("Retry-After")).isNull();
		assertThat(response.headers().map()).doesNotContainKeys("set-cookie", "x-split", "bad header");
		assertThat(json.get("customized_by").asString()).isEqualTo("probe");
	}

	// Robustness

	@Test
	void throwingMapperYieldsTheUniform500FromAHandler(CapturedOutput output) {
		assertError(this.http.get("/robust/mapper-bomb"), 500, "internal_error");
		assertThat(output).contains("ApiExceptionMapper").contains("mapper failed");
	}

	@Test
	void throwingMapperYieldsTheUniform500FromAFilter() {
		assertError(this.http.get("/filter/mapper-bomb"), 500, "internal_error");
	}

	@Test
	void throwingFieldNameResolverYieldsTheUniform500() {
		assertError(this.http.send("POST", "/robust/field-names", "{\"name\":\"\"}", "Content-Type",
				"application/json"), 500, "internal_error");
	}

	@Test
	void throwingMessageSourceKeepsTheDefaultMessage() {
		JsonNode json = assertError(this.http.get("/robust/message-source"), 409, "teapot_broken");
		assertThat(json.get("message").asString()).isEqualTo("Default text.");
	}

	@Test
	void messagesAreLocalisedFromTheApplicationsBundles() {
		JsonNode french = assertError(this.http.get("/robust/localised", "Accept-Language", "fr-CA"), 404,
				"localised_missing");
		assertThat(french.get("message").asString()).isEqualTo("Rien ici.");
		JsonNode other = assertError(this.http.get("/robust/localised", "Accept-Language", "de"), 404,
				"localised_missing");
		assertThat(other.get("message").asString()).isEqualTo("Nothing is here.");
	}

	@Test
	void inventedLocalesNeverReachTheMessageSource() {
		Random random = new Random(42);
		for (int i = 0; i < 60; i++) {
			String tag = (char) ('a' + random.nextInt(26)) + "" + (char) ('a' + random.nextInt(26)) + "-"
					+ (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + "-x-" + i;
			assertError(this.http.get("/robust/localised", "Accept-Language", tag), 404, "localised_missing");
		}
		assertThat(DropInApplication.LOOKED_UP_LOCALES).allMatch((locale) -> locale.getCountry().isEmpty()
				&& locale.getVariant().isEmpty() && (locale.getLanguage().equals("fr") || locale.equals(Locale.ROOT)
						|| locale.equals(Locale.getDefault()) || locale.getLanguage().equals(Locale.getDefault().getLanguage())));
	}

	@Test
	void concealedErrorIsLoggedAtTheLevelOfItsRealStatus(CapturedOutput output) {
		Http.Response response = this.http.get("/idioms/concealed");
		assertError(response, 404, "not_found");
		assertThat(output).containsPattern("INFO .*dev.apierrors .*-> 404 not_found: .*\\(concealed as 404: 403 "
				+ "tenant_mismatch: Document 42 belongs to another tenant\\.\\) request_id="
				+ response.header("X-Request-Id"));
	}

	@Test
	void handledErrorsAreRecordedOnTheRequestObservation() {
		assertError(this.http.get("/idioms/response-status"), 409, "conflict");
		assertError(this.http.get("/filter/mapper-bomb"), 500, "internal_error");
		Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(DropInApplication.OBSERVED_ERRORS.get("/idioms/response-status"))
				.isInstanceOf(DropInApplication.OrderShippedException.class);
			assertThat(DropInApplication.OBSERVED_ERRORS.get("/filter/mapper-bomb"))
				.isInstanceOf(DropInApplication.MapperBombException.class);
		});
	}

}
