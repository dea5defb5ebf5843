package dev.apierrors.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apierrors.ApiErrorBody;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each assertion of {@link ApiErrorResponseAssert}, passing on a correct response and failing with a readable
 * message on a wrong one; responses come from {@link MockMvcTester}.
 */
class ApiErrorResponseAssertTests {

	private final MockMvcTester mvc = MockMvcTester.of(new CannedController(), new FailingController());

	@Test
	void hasStatusPassesOnTheStatus() {
		assertThatApiError(this.mvc.get().uri("/canned/user-not-found")).hasStatus(404).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void failsWhenStatusDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR))
			.withMessageStartingWith("Expected status 500 Internal Server Error but was 404 Not Found.")
			.withMessageContaining("GET /canned/user-not-found ->")
			.withMessageContaining("HTTP 404 Not Found")
			.withMessageContaining("X-Request-Id: req-7")
			.withMessageContaining("Cache-Control: no-store")
			.withMessageEndingWith(CannedResponse.USER_NOT_FOUND.body());
	}

	@Test
	void failureMessageStartsWithTheAssertionDescription() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).as("lookup of user 7").hasStatus(200))
			.withMessageStartingWith("[lookup of user 7] Expected status 200 OK but was 404 Not Found.");
	}

	@Test
	void hasCodePassesOnTheCode() {
		canned(CannedResponse.USER_NOT_FOUND).hasCode("user_not_found");
		canned(CannedResponse.PROBLEM).hasCode("user_not_found");
	}

	@Test
	void failsWhenCodeDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasCode("not_found"))
			.withMessageStartingWith("Expected error code \"not_found\" but was \"user_not_found\".")
			.withMessageContaining("HTTP 404 Not Found");
	}

	@Test
	void failsWhenTheBodyIsNotJson() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.HTML).hasCode("internal_error"))
			.withMessageStartingWith("Expected an api-errors body but the body is not JSON (")
			.withMessageContaining("Content-Type: text/html;charset=UTF-8")
			.withMessageContaining("<h1>Whitelabel Error Page</h1>");
	}

	@Test
	void failsWhenTheResponseHasNoBody() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.EMPTY).hasCode("user_not_found"))
			.withMessageStartingWith("Expected an api-errors body but the response has no body.")
			.withMessageEndingWith("(no body)");
	}

	@Test
	void hasMessagePassesOnTheMessageInEitherFormat() {
		canned(CannedResponse.USER_NOT_FOUND).hasMessage("No user has id 7.");
		canned(CannedResponse.PROBLEM).hasMessage("No user has id 7.");
	}

	@Test
	void failsWhenMessageDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasMessage("User 7 does not exist."))
			.withMessageStartingWith("Expected message \"User 7 does not exist.\" but was \"No user has id 7.\".");
	}

	@Test
	void hasMessageContainingPassesOnPartOfTheMessage() {
		canned(CannedResponse.USER_NOT_FOUND).hasMessageContaining("7");
	}

	@Test
	void failsWhenMessageLacksTheText() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasMessageContaining("99"))
			.withMessageStartingWith("Expected a message containing \"99\" but was \"No user has id 7.\".");
	}

	@Test
	void hasRequestIdHeaderMatchingBodyPassesWhenTheyAreEqual() {
		canned(CannedResponse.USER_NOT_FOUND).hasRequestIdHeaderMatchingBody();
		canned(CannedResponse.PROBLEM).hasRequestIdHeaderMatchingBody();
	}

	@Test
	void failsWhenRequestIdHeaderDiffersFromBody() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.ID_MISMATCH).hasRequestIdHeaderMatchingBody())
			.withMessageStartingWith(
					"Expected the body's request_id to equal the X-Request-Id header \"req-1\" but was \"req-2\".")
			.withMessageContaining("X-Request-Id: req-1")
			.withMessageContaining("\"request_id\":\"req-2\"");
	}

	@Test
	void failsWhenRequestIdHeaderIsMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.NO_ID_HEADER).hasRequestIdHeaderMatchingBody())
			.withMessageStartingWith("Expected a request id in the X-Request-Id header but the response has none.");
	}

	@Test
	void withRequestIdHeaderReadsARenamedHeader() {
		canned(CannedResponse.RENAMED_ID_HEADER).withRequestIdHeader("Request-Id")
			.hasRequestIdHeaderMatchingBody()
			.hasRequestId("req-13");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RENAMED_ID_HEADER).hasRequestIdHeaderMatchingBody())
			.withMessageStartingWith("Expected a request id in the X-Request-Id header but the response has none.")
			.withMessageContaining("Request-Id: req-13");
	}

	@Test
	void hasRequestIdPassesWhenHeaderAndBodyCarryTheId() {
		canned(CannedResponse.USER_NOT_FOUND).hasRequestId("req-7");
	}

	@Test
	void failsWhenTheRequestIdHeaderIsAnotherId() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasRequestId("my-call-42"))
			.withMessageStartingWith("Expected X-Request-Id: \"my-call-42\" but was \"req-7\".");
	}

	@Test
	void failsWhenTheBodyCarriesAnotherRequestIdThanTheHeader() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.ID_MISMATCH).hasRequestId("req-1"))
			.withMessageStartingWith("Expected request_id \"req-1\" in the body but was \"req-2\".");
	}

	@Test
	void hasFieldErrorPassesOnAFieldMessage() {
		canned(CannedResponse.VALIDATION).hasFieldError("email", "must be a well-formed email address");
		canned(CannedResponse.PROBLEM_VALIDATION).hasFieldError("email", "must be a well-formed email address");
	}

	@Test
	void failsWhenAFieldMessageDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.VALIDATION).hasFieldError("email", "must not be blank"))
			.withMessageStartingWith("Expected field error \"email\": \"must not be blank\" "
					+ "but was \"must be a well-formed email address\".");
	}

	@Test
	void failsWhenAFieldHasNoError() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.VALIDATION).hasFieldError("name", "must not be blank"))
			.withMessageStartingWith("Expected a field error for \"name\" but the fields were "
					+ "{\"email\": \"must be a well-formed email address\", "
					+ "\"age\": \"must be greater than or equal to 18\"}.");
	}

	@Test
	void failsWhenTheBodyHasNoFieldErrors() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasFieldError("email", "must not be blank"))
			.withMessageStartingWith("Expected a field error for \"email\" but the body has no field errors.");
	}

	@Test
	void hasFieldErrorsPassesOnSomeOfTheFields() {
		canned(CannedResponse.VALIDATION).hasFieldErrors(Map.of("age", "must be greater than or equal to 18"));
	}

	@Test
	void failsWhenSomeFieldErrorsAreMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.VALIDATION)
				.hasFieldErrors(Map.of("age", "must be greater than or equal to 18", "name", "must not be blank")))
			.withMessageStartingWith("Expected the field errors {\"name\": \"must not be blank\"} but the fields were");
	}

	@Test
	void hasOnlyFieldErrorsPassesOnExactlyTheFieldsInAnyOrder() {
		canned(CannedResponse.VALIDATION).hasOnlyFieldErrors(Map.of("age", "must be greater than or equal to 18",
				"email", "must be a well-formed email address"));
	}

	@Test
	void failsWhenThereAreMoreFieldErrors() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.VALIDATION)
				.hasOnlyFieldErrors(Map.of("email", "must be a well-formed email address")))
			.withMessageStartingWith("Expected exactly the field errors "
					+ "{\"email\": \"must be a well-formed email address\"} but the fields were");
	}

	@Test
	void hasNoFieldErrorsPassesWithoutFields() {
		canned(CannedResponse.USER_NOT_FOUND).hasNoFieldErrors();
	}

	@Test
	void failsWhenThereAreFieldErrors() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.VALIDATION).hasNoFieldErrors())
			.withMessageStartingWith("Expected no field errors but the fields were {\"email\": ");
	}

	@Test
	void hasRetryAfterPassesWhenHeaderAndBodyAgree() {
		canned(CannedResponse.RATE_LIMITED).hasRetryAfter(Duration.ofSeconds(42));
	}

	@Test
	void failsWhenRetryAfterIsMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.UNAVAILABLE_WITHOUT_RETRY_AFTER)
				.hasRetryAfter(Duration.ofMinutes(2)))
			.withMessageStartingWith("Expected Retry-After: 120 but the response has no Retry-After header.");
	}

	@Test
	void failsWhenRetryAfterIsAnotherDelay() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RATE_LIMITED).hasRetryAfter(Duration.ofMinutes(1)))
			.withMessageStartingWith("Expected Retry-After: 60 but was 42.")
			.withMessageContaining("Retry-After: 42");
	}

	@Test
	void failsWhenRetryAfterMemberDiffersFromHeader() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RETRY_AFTER_MISMATCH).hasRetryAfter(Duration.ofSeconds(42)))
			.withMessageStartingWith("Expected retry_after 42 in the body, as in Retry-After, but was 60.");
	}

	@Test
	void hasRetryAfterRefusesADelayThatIsNotWholeSeconds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> canned(CannedResponse.RATE_LIMITED).hasRetryAfter(Duration.ofMillis(1500)))
			.withMessage("Retry-After is a positive number of whole seconds, not PT1.5S");
	}

	@Test
	void hasChallengePassesOnTheSchemeInAnyCase() {
		canned(CannedResponse.UNAUTHENTICATED).hasChallenge("Bearer").hasChallenge("bearer");
	}

	@Test
	void failsWhenTheChallengeHasAnotherScheme() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.UNAUTHENTICATED).hasChallenge("Basic"))
			.withMessageStartingWith("Expected a WWW-Authenticate challenge with scheme Basic but the challenges were "
					+ "[Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The token expired.\"].");
	}

	@Test
	void failsWhenThereIsNoChallenge() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.UNAUTHENTICATED_WITHOUT_CHALLENGE).hasChallenge("Bearer"))
			.withMessageStartingWith("Expected a WWW-Authenticate challenge with scheme Bearer "
					+ "but the response has no WWW-Authenticate header.")
			.withMessageContaining("HTTP 401 Unauthorized");
	}

	@Test
	void hasChallengeParameterPassesOnAnUnquotedParameter() {
		canned(CannedResponse.UNAUTHENTICATED).hasChallengeParameter("realm", "api")
			.hasChallengeParameter("error", "invalid_token")
			.hasChallengeParameter("ERROR_DESCRIPTION", "The token expired.");
	}

	@Test
	void failsWhenAChallengeParameterDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.UNAUTHENTICATED)
				.hasChallengeParameter("error", "insufficient_scope"))
			.withMessageStartingWith("Expected a WWW-Authenticate challenge with error=\"insufficient_scope\" "
					+ "but the challenges were [Bearer realm=\"api\", error=\"invalid_token\"");
	}

	@Test
	void hasHeaderPassesOnAHeaderValue() {
		canned(CannedResponse.METHOD_NOT_ALLOWED).hasHeader("Allow", "GET, HEAD")
			.hasHeader("cache-control", "no-store");
	}

	@Test
	void failsWhenAHeaderIsMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.METHOD_NOT_ALLOWED_WITHOUT_ALLOW).hasHeader("Allow", "GET"))
			.withMessageStartingWith("Expected header Allow: GET but the response has no Allow header.");
	}

	@Test
	void failsWhenAHeaderHasAnotherValue() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.METHOD_NOT_ALLOWED).hasHeader("Allow", "GET"))
			.withMessageStartingWith("Expected header Allow: GET but its values were [GET, HEAD].");
	}

	@Test
	void doesNotHaveHeaderPassesWithoutTheHeader() {
		canned(CannedResponse.USER_NOT_FOUND).doesNotHaveHeader("Retry-After");
	}

	@Test
	void failsWhenAnUnwantedHeaderIsPresent() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RATE_LIMITED).doesNotHaveHeader("Retry-After"))
			.withMessageStartingWith("Expected no Retry-After header but its values were [42].");
	}

	@Test
	void hasMemberPassesOnAMemberOfTheApplication() {
		canned(CannedResponse.WITH_DOCS_MEMBER).hasMember("docs", "https://docs.example.com/errors#user_not_found");
		canned(CannedResponse.RATE_LIMITED).hasMember("retry_after", 42L);
		canned(CannedResponse.VALIDATION).hasMember("fields", Map.of("email", "must be a well-formed email address",
				"age", "must be greater than or equal to 18"));
	}

	@Test
	void failsWhenAMemberIsMissingOrDiffers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).hasMember("docs", "https://docs.example.com"))
			.withMessageStartingWith(
					"Expected member docs: \"https://docs.example.com\" but the body has no member docs.");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RATE_LIMITED).hasMember("retry_after", 60))
			.withMessageStartingWith("Expected member retry_after: 60 but was 42.");
	}

	@Test
	void hasMemberComparesAJsonNull() {
		byte[] body = "{\"error\":\"not_found\",\"message\":\"No.\",\"hint\":null}".getBytes(StandardCharsets.UTF_8);
		ResponseSnapshot response = ResponseSnapshot.of(404, new HttpHeaders(), body);
		assertThatApiError(response).hasMember("hint", null);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(response).hasMember("hint", ""))
			.withMessageStartingWith("Expected member hint: \"\" but was null.");
	}

	@Test
	void isSimpleFormatPassesOnJson() {
		canned(CannedResponse.USER_NOT_FOUND).isSimpleFormat();
	}

	@Test
	void failsWhenASimpleFormatIsExpectedOfProblemDetails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.PROBLEM).isSimpleFormat())
			.withMessageStartingWith("Expected the simple format (Content-Type: application/json) "
					+ "but Content-Type was application/problem+json.");
	}

	@Test
	void failsWhenAProblemDetailsBodyIsSentAsJson() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.PROBLEM_AS_JSON).isSimpleFormat())
			.withMessageStartingWith("Expected the simple format but the body lacks [message].");
	}

	@Test
	void isProblemDetailsPassesOnProblemJson() {
		canned(CannedResponse.PROBLEM).isProblemDetails();
	}

	@Test
	void failsWhenProblemDetailsAreExpectedOfTheSimpleFormat() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.USER_NOT_FOUND).isProblemDetails())
			.withMessageStartingWith("Expected problem details (Content-Type: application/problem+json) "
					+ "but Content-Type was application/json.");
	}

	@Test
	void failsWhenASimpleBodyIsSentAsProblemDetails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.SIMPLE_AS_PROBLEM).isProblemDetails())
			.withMessageStartingWith(
					"Expected problem details but the body lacks [type, title, status, detail, instance].");
	}

	@Test
	void bodyIsTheTypedViewInEitherFormat() {
		ApiErrorBody expected = new ApiErrorBody("validation_failed", "The request has invalid fields.", "req-8",
				Map.of("email", "must be a well-formed email address"), null);
		assertThat(canned(CannedResponse.PROBLEM_VALIDATION).body()).isEqualTo(expected);
		assertThat(canned(CannedResponse.RATE_LIMITED).body().retryAfter()).isEqualTo(Duration.ofSeconds(42));
		assertThat(canned(CannedResponse.VALIDATION).body().fields()).containsOnlyKeys("email", "age");
	}

	@Test
	void failsWhenTheBodyIsNotAnApiError() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.OK).body())
			.withMessageStartingWith("Expected an api-errors body (string members error and message, or detail in "
					+ "problem details) but the members were [id, name].")
			.withMessageContaining("HTTP 200 OK");
	}

	@Test
	void failsWhenTheRequestFailedWithAnUnresolvedException() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(this.mvc.get().uri("/failing")))
			.withMessageStartingWith("Expected an error response, but the request failed with an exception that no "
					+ "handler resolved: java.lang.IllegalStateException: nobody answers this")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	private ApiErrorResponseAssert canned(CannedResponse canned) {
		return assertThatApiError(this.mvc.get().uri(canned.path()));
	}

	@RestController
	static class FailingController {

		@GetMapping("/failing")
		String failing() {
			throw new IllegalStateException("nobody answers this");
		}

	}

}
