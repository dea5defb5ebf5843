package dev.apierrors.test;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ApiErrorResponseAssert#isUniform()} checks every guarantee of the README in either wire format and lists
 * every rule a response breaks.
 */
class IsUniformTests {

	private final MockMvcTester mvc = MockMvcTester.of(new CannedController());

	@ParameterizedTest
	@EnumSource(names = { "USER_NOT_FOUND", "PROBLEM", "VALIDATION", "PROBLEM_VALIDATION", "RATE_LIMITED",
			"UNAUTHENTICATED", "METHOD_NOT_ALLOWED" })
	void passesOnEveryCorrectResponse(CannedResponse canned) {
		canned(canned).isUniform();
	}

	@Test
	void failsOnAMemberOfTheApplicationUnlessDeclared() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.WITH_DOCS_MEMBER).isUniform())
			.withMessageStartingWith(String.format("Expected a uniform error response in the simple format, "
					+ "but 1 rule is broken:%n  - unexpected member [docs] (declare what your own ApiErrorCustomizer "
					+ "adds with allowingMembers(...))%n%nGET /canned/with-docs-member ->"));
		canned(CannedResponse.WITH_DOCS_MEMBER).allowingMembers("docs").isUniform();
	}

	@Test
	void readsARenamedRequestIdHeader() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RENAMED_ID_HEADER).isUniform())
			.withMessageContaining("  - no X-Request-Id header");
		canned(CannedResponse.RENAMED_ID_HEADER).withRequestIdHeader("Request-Id").isUniform();
	}

	@Test
	void failsWhenRequestIdHeaderDiffersFromBody() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.ID_MISMATCH).isUniform())
			.withMessageContaining("1 rule is broken:")
			.withMessageContaining("  - X-Request-Id \"req-1\" differs from request_id \"req-2\"");
	}

	@Test
	void failsWhenRequestIdHeaderIsMissing() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.NO_ID_HEADER).isUniform())
			.withMessageContaining("  - no X-Request-Id header");
	}

	@Test
	void failsOnAnExtraMember() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.EXTRA_MEMBER).isUniform())
			.withMessageContaining("  - unexpected member [exception]")
			.withMessageContaining("\"exception\":\"java.lang.IllegalStateException\"");
	}

	@Test
	void failsWhenAProblemDetailsBodyIsSentAsJson() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.PROBLEM_AS_JSON).isUniform())
			.withMessageStartingWith("Expected a uniform error response in the simple format, but 2 rules are broken:")
			.withMessageContaining("  - members start with [type, title, status] instead of "
					+ "[error, message, request_id] (a body in problem details sent as application/json?)")
			.withMessageContaining("  - unexpected members [type, title, status, detail, instance]");
	}

	@Test
	void failsWhenASimpleBodyIsSentAsProblemDetails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.SIMPLE_AS_PROBLEM).isUniform())
			.withMessageStartingWith("Expected a uniform error response in problem details, but")
			.withMessageContaining("  - members start with [error, message, request_id] instead of "
					+ "[type, title, status, detail, instance, error, request_id] "
					+ "(a body in the simple format sent as application/problem+json?)")
			.withMessageContaining("  - unexpected member [message]");
	}

	@Test
	void failsWhenProblemStatusDiffersFromHttpStatus() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.PROBLEM_STATUS_MISMATCH).isUniform())
			.withMessageContaining("1 rule is broken:")
			.withMessageContaining("  - status member 500 differs from the HTTP status 404");
	}

	@Test
	void failsOnAnHtmlErrorPage() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.HTML).isUniform())
			.withMessageStartingWith("Expected a uniform error response, but 2 rules are broken:")
			.withMessageContaining(
					"  - Content-Type text/html;charset=UTF-8 is neither application/json nor application/problem+json")
			.withMessageContaining("  - the body is not JSON (");
	}

	@Test
	void failsOnASuccess() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.OK).isUniform())
			.withMessageContaining("  - status 200 is not an error status (4xx or 5xx)")
			.withMessageContaining("  - members start with [id, name] instead of [error, message, request_id]");
	}

	@Test
	void listsEveryBrokenRule() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.SLOPPY).isUniform())
			.withMessage(String.format("Expected a uniform error response in the simple format, "
					+ "but 3 rules are broken:%n"
					+ "  - members start with [message, error, request_id] instead of [error, message, request_id]%n"
					+ "  - error \"BadRequest\" is not a snake_case code ([a-z][a-z0-9]*(_[a-z0-9]+)*)%n"
					+ "  - message is not a non-blank string: \" \"%n"
					+ "%n"
					+ "GET /canned/sloppy ->%n"
					+ "HTTP 400 Bad Request%n"
					+ "Content-Type: application/json%n"
					+ "X-Request-Id: req-14%n"
					+ "Cache-Control: no-store%n"
					+ "X-Content-Type-Options: nosniff%n"
					+ "Content-Length: 58%n"
					+ "%n"
					+ "{\"message\":\" \",\"error\":\"BadRequest\",\"request_id\":\"req-14\"}"));
	}

	@Test
	void failsOnADuplicateMember() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.DUPLICATE_MEMBER).isUniform())
			.withMessageContaining("  - the body is not JSON (Duplicate Object property \"error\")");
	}

	@Test
	void failsWhenRetryAfterDiffersFromBody() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RETRY_AFTER_MISMATCH).isUniform())
			.withMessageContaining("  - Retry-After 42 differs from retry_after 60");
	}

	@Test
	void failsOnA503WithoutRetryAfter() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.UNAVAILABLE_WITHOUT_RETRY_AFTER).isUniform())
			.withMessageContaining("  - a 503 without a Retry-After header");
	}

	@Test
	void failsOnRetryAfterMemberWithoutTheHeader() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.RETRY_AFTER_MEMBER_ONLY).isUniform())
			.withMessageContaining("  - retry_after 5 without a Retry-After header");
	}

	@Test
	void failsOnACacheableOrSniffableResponse() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.CACHEABLE).isUniform())
			.withMessageContaining("2 rules are broken:")
			.withMessageContaining("  - no Cache-Control: no-store")
			.withMessageContaining("  - no X-Content-Type-Options: nosniff");
	}

	@Test
	void failsOnA401WithoutChallenge() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.UNAUTHENTICATED_WITHOUT_CHALLENGE).isUniform())
			.withMessageContaining("  - a 401 without a WWW-Authenticate challenge");
	}

	@Test
	void failsOnA405WithoutAllow() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.METHOD_NOT_ALLOWED_WITHOUT_ALLOW).isUniform())
			.withMessageContaining("  - a 405 without an Allow header");
	}

	@Test
	void failsOnAnEmptyResponse() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> canned(CannedResponse.EMPTY).isUniform())
			.withMessageContaining("  - no Content-Type header")
			.withMessageContaining("  - the response has no body");
	}

	@Test
	void failsOnACodeLongerThan64Characters() {
		String code = "a" + "_b".repeat(32);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(snapshot(404, "{\"error\":\"" + code + "\",\"message\":\"No.\","
					+ "\"request_id\":\"r\"}")).isUniform())
			.withMessageContaining("  - error \"" + code + "\" is longer than 64 characters");
	}

	@Test
	void failsOnFieldsThatAreNotMessagesAndARetryAfterThatIsNotWholeSeconds() {
		HttpHeaders headers = headers();
		headers.add("Retry-After", "2");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatApiError(ResponseSnapshot.of(429, headers,
					bytes("{\"error\":\"rate_limited\",\"message\":\"Slow down.\",\"request_id\":\"r\","
							+ "\"fields\":{\"email\":[\"a\",\"b\"]},\"retry_after\":1.5}")))
				.isUniform())
			.withMessageContaining("  - fields.email is not a string: [\"a\",\"b\"]")
			.withMessageContaining("  - retry_after 1.5 is not a positive whole number of seconds")
			.withMessageContaining("  - Retry-After 2 differs from retry_after 1.5");
	}

	@Test
	void acceptsFurtherCacheControlDirectivesBesideNoStore() {
		HttpHeaders headers = headers();
		headers.set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		assertThatApiError(ResponseSnapshot.of(404, headers,
				bytes("{\"error\":\"not_found\",\"message\":\"No.\",\"request_id\":\"r\"}"))).isUniform();
	}

	private ApiErrorResponseAssert canned(CannedResponse canned) {
		return assertThatApiError(this.mvc.get().uri(canned.path()));
	}

	private static ResponseSnapshot snapshot(int status, String body) {
		return ResponseSnapshot.of(status, headers(), bytes(body));
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("X-Request-Id", "r");
		headers.add("Cache-Control", "no-store");
		headers.add("X-Content-Type-Options", "nosniff");
		return headers;
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
