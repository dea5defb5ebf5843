package dev.apierrors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import dev.apierrors.ApiErrorBody;
import dev.apierrors.test.Challenges.Challenge;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.Assert;

/**
 * AssertJ assertions on an api-errors response: status, code, message, request id, field errors, headers, and
 * {@link #isUniform()} for every guarantee at once.
 *
 * <p>Each failure message states what was expected in one line, then prints the whole response: the request when
 * known, the status line, every header and the body. Obtain instances from {@link ApiErrorAssertions}.
 */
public final class ApiErrorResponseAssert extends AbstractAssert<ApiErrorResponseAssert, ResponseSnapshot> {

	/** The request id header api-errors writes unless {@code api.errors.request-id.header} renames it. */
	public static final String DEFAULT_REQUEST_ID_HEADER = "X-Request-Id";

	private String requestIdHeader = DEFAULT_REQUEST_ID_HEADER;

	private final Set<String> allowedMembers = new LinkedHashSet<>();

	private @Nullable JsonBody json;

	ApiErrorResponseAssert(ResponseSnapshot actual) {
		super(actual, ApiErrorResponseAssert.class);
	}

	/**
	 * Use another request id header than {@value #DEFAULT_REQUEST_ID_HEADER}, as set with
	 * {@code api.errors.request-id.header}, in the assertions that follow.
	 * @param name the header name
	 * @return this assertion
	 */
	public ApiErrorResponseAssert withRequestIdHeader(String name) {
		Assert.hasText(name, "'name' must not be empty");
		this.requestIdHeader = name;
		return this.myself;
	}

	/**
	 * Accept these members in {@link #isUniform()}, beside the documented ones: the members the application's own
	 * {@code ApiErrorCustomizer} adds.
	 * @param names the member names
	 * @return this assertion
	 */
	public ApiErrorResponseAssert allowingMembers(String... names) {
		this.allowedMembers.addAll(Arrays.asList(names));
		return this.myself;
	}

	/**
	 * Verify the HTTP status.
	 * @param status the expected status code
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasStatus(int status) {
		isNotNull();
		if (this.actual.status() != status) {
			throw expected("Expected status %s but was %s.", describe(status), describe(this.actual.status()));
		}
		return this.myself;
	}

	/**
	 * Verify the HTTP status.
	 * @param status the expected status
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasStatus(HttpStatusCode status) {
		return hasStatus(status.value());
	}

	/**
	 * Verify the error code, the body's {@code error} member.
	 * @param code the expected code, such as {@code user_not_found}
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasCode(String code) {
		ApiErrorBody body = body();
		if (!body.code().equals(code)) {
			throw expected("Expected error code %s but was %s.", Text.quote(code), Text.quote(body.code()));
		}
		return this.myself;
	}

	/**
	 * Verify the client message: {@code message} in the simple format, {@code detail} in problem details.
	 * @param message the expected message
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasMessage(String message) {
		ApiErrorBody body = body();
		if (!body.message().equals(message)) {
			throw expected("Expected message %s but was %s.", Text.quote(message), Text.quote(body.message()));
		}
		return this.myself;
	}

	/**
	 * Verify that the client message contains a text.
	 * @param text the expected part of the message
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasMessageContaining(String text) {
		ApiErrorBody body = body();
		if (!body.message().contains(text)) {
			throw expected("Expected a message containing %s but was %s.", Text.quote(text),
					Text.quote(body.message()));
		}
		return this.myself;
	}

	/**
	 * Verify that the response has exactly one request id header and that the body's {@code request_id} equals it.
	 * @return this assertion
	 * @see #withRequestIdHeader(String)
	 */
	public ApiErrorResponseAssert hasRequestIdHeaderMatchingBody() {
		String header = requestIdHeaderValue("a request id");
		String bodyId = body().requestId();
		if (bodyId == null) {
			throw expected("Expected request_id equal to the %s header %s but the body has no string request_id.",
					this.requestIdHeader, Text.quote(header));
		}
		if (!bodyId.equals(header)) {
			throw expected("Expected the body's request_id to equal the %s header %s but was %s.",
					this.requestIdHeader, Text.quote(header), Text.quote(bodyId));
		}
		return this.myself;
	}

	/**
	 * Verify that both the request id header and the body's {@code request_id} are a given id.
	 * @param requestId the expected id, such as the one the request sent
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasRequestId(String requestId) {
		String header = requestIdHeaderValue("request id " + Text.quote(requestId));
		if (!header.equals(requestId)) {
			throw expected("Expected %s: %s but was %s.", this.requestIdHeader, Text.quote(requestId),
					Text.quote(header));
		}
		String bodyId = body().requestId();
		if (!requestId.equals(bodyId)) {
			throw expected("Expected request_id %s in the body but was %s.", Text.quote(requestId),
					(bodyId != null) ? Text.quote(bodyId) : "absent");
		}
		return this.myself;
	}

	/**
	 * Verify one field error: the body's {@code fields} maps the field to this message.
	 * @param field the field name, as the client sent it
	 * @param message the expected message
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasFieldError(String field, String message) {
		Map<String, String> fields = body().fields();
		if (!fields.containsKey(field)) {
			throw expected("Expected a field error for %s but %s.", Text.quote(field), describeFields(fields));
		}
		if (!fields.get(field).equals(message)) {
			throw expected("Expected field error %s: %s but was %s.", Text.quote(field), Text.quote(message),
					Text.quote(fields.get(field)));
		}
		return this.myself;
	}

	/**
	 * Verify that the body's {@code fields} contains these field errors, and maybe others.
	 * @param fields the expected messages by field name
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasFieldErrors(Map<String, String> fields) {
		Map<String, String> actual = body().fields();
		Map<String, String> missing = new LinkedHashMap<>(fields);
		missing.entrySet().removeIf((field) -> field.getValue().equals(actual.get(field.getKey())));
		if (!missing.isEmpty()) {
			throw expected("Expected the field errors %s but %s.", Text.fields(missing), describeFields(actual));
		}
		return this.myself;
	}

	/**
	 * Verify that the body's {@code fields} holds exactly these field errors, in any order.
	 * @param fields the expected messages by field name
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasOnlyFieldErrors(Map<String, String> fields) {
		Map<String, String> actual = body().fields();
		if (!actual.equals(fields)) {
			throw expected("Expected exactly the field errors %s but %s.", Text.fields(fields), describeFields(actual));
		}
		return this.myself;
	}

	/**
	 * Verify that the body has no field errors.
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasNoFieldErrors() {
		Map<String, String> fields = body().fields();
		if (!fields.isEmpty()) {
			throw expected("Expected no field errors but the fields were %s.", Text.fields(fields));
		}
		return this.myself;
	}

	/**
	 * Verify the delay a client should wait: one {@code Retry-After} header and the body's {@code retry_after},
	 * both this number of seconds.
	 * @param delay the expected delay, in whole seconds
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasRetryAfter(Duration delay) {
		Assert.isTrue(delay.toNanos() > 0 && delay.getNano() == 0,
				() -> "Retry-After is a positive number of whole seconds, not " + delay);
		isNotNull();
		String seconds = Long.toString(delay.getSeconds());
		List<String> values = this.actual.headerValues(HttpHeaders.RETRY_AFTER);
		if (values.isEmpty()) {
			throw expected("Expected Retry-After: %s but the response has no Retry-After header.", seconds);
		}
		if (values.size() > 1) {
			throw expected("Expected one Retry-After: %s but the response has %d: %s.", seconds, values.size(),
					values);
		}
		if (!values.get(0).trim().equals(seconds)) {
			throw expected("Expected Retry-After: %s but was %s.", seconds, values.get(0));
		}
		JsonNode member = jsonObject("retry_after " + seconds).get("retry_after");
		if (member == null) {
			throw expected("Expected retry_after %s in the body, as in Retry-After, but the body has none.", seconds);
		}
		if (!member.isIntegralNumber() || !member.canConvertToLong() || member.longValue() != delay.getSeconds()) {
			throw expected("Expected retry_after %s in the body, as in Retry-After, but was %s.", seconds, member);
		}
		return this.myself;
	}

	/**
	 * Verify that {@code WWW-Authenticate} has a challenge with this auth-scheme (compared ignoring case).
	 * @param scheme the expected scheme, such as {@code Bearer}
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasChallenge(String scheme) {
		String expectation = "a WWW-Authenticate challenge with scheme " + scheme;
		if (challenges(expectation).stream().noneMatch((challenge) -> challenge.hasScheme(scheme))) {
			throw expected("Expected %s but the challenges were %s.", expectation,
					this.actual.headerValues(HttpHeaders.WWW_AUTHENTICATE));
		}
		return this.myself;
	}

	/**
	 * Verify that a {@code WWW-Authenticate} challenge has this auth-param (name compared ignoring case, value
	 * unquoted), such as {@code error} and {@code invalid_token}.
	 * @param name the parameter name
	 * @param value the expected value
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasChallengeParameter(String name, String value) {
		String expectation = "a WWW-Authenticate challenge with " + name + "=" + Text.quote(value);
		String key = name.toLowerCase(Locale.ROOT);
		if (challenges(expectation).stream().noneMatch((challenge) -> value.equals(challenge.parameters().get(key)))) {
			throw expected("Expected %s but the challenges were %s.", expectation,
					this.actual.headerValues(HttpHeaders.WWW_AUTHENTICATE));
		}
		return this.myself;
	}

	/**
	 * Verify that one of the header's values is exactly this value.
	 * @param name the header name, in any case
	 * @param value the expected value
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasHeader(String name, String value) {
		isNotNull();
		List<String> values = this.actual.headerValues(name);
		if (values.isEmpty()) {
			throw expected("Expected header %s: %s but the response has no %s header.", name, value, name);
		}
		if (!values.contains(value)) {
			throw expected("Expected header %s: %s but its values were %s.", name, value, values);
		}
		return this.myself;
	}

	/**
	 * Verify that the response has no such header.
	 * @param name the header name, in any case
	 * @return this assertion
	 */
	public ApiErrorResponseAssert doesNotHaveHeader(String name) {
		isNotNull();
		List<String> values = this.actual.headerValues(name);
		if (!values.isEmpty()) {
			throw expected("Expected no %s header but its values were %s.", name, values);
		}
		return this.myself;
	}

	/**
	 * Verify a member of the body, such as one that the application's own {@code ApiErrorCustomizer} adds. The
	 * expected value is compared as JSON: strings, numbers (by value), booleans, lists and maps.
	 * @param name the member name
	 * @param value the expected value, {@code null} for a JSON {@code null}
	 * @return this assertion
	 */
	public ApiErrorResponseAssert hasMember(String name, @Nullable Object value) {
		JsonNode expected = (value != null) ? JsonBody.MAPPER.valueToTree(value) : NullNode.getInstance();
		JsonNode member = jsonObject("member " + name).get(name);
		if (member == null) {
			throw expected("Expected member %s: %s but the body has no member %s.", name, expected, name);
		}
		if (!JsonBody.sameValue(member, expected)) {
			throw expected("Expected member %s: %s but was %s.", name, expected, member);
		}
		return this.myself;
	}

	/**
	 * Verify that the response is in the simple format: {@code Content-Type: application/json} and a body with
	 * {@code error} and {@code message} and no problem-details member.
	 * @return this assertion
	 * @see #isUniform()
	 */
	public ApiErrorResponseAssert isSimpleFormat() {
		return isFormat(WireFormat.SIMPLE);
	}

	/**
	 * Verify that the response is RFC 9457 problem details: {@code Content-Type: application/problem+json} and a body
	 * with {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and {@code error}.
	 * @return this assertion
	 * @see #isUniform()
	 */
	public ApiErrorResponseAssert isProblemDetails() {
		return isFormat(WireFormat.PROBLEM_DETAILS);
	}

	private ApiErrorResponseAssert isFormat(WireFormat format) {
		isNotNull();
		String expectation = format.description() + " (Content-Type: " + format.contentType() + ")";
		String contentType = this.actual.headers().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType == null) {
			throw expected("Expected %s but the response has no Content-Type.", expectation);
		}
		if (WireFormat.of(contentType) != format) {
			throw expected("Expected %s but Content-Type was %s.", expectation, contentType);
		}
		List<String> names = JsonBody.memberNames(jsonObject(format.description()));
		List<String> required = new ArrayList<>(format.leadingMembers());
		required.remove("request_id");
		required.removeAll(names);
		if (!required.isEmpty()) {
			throw expected("Expected %s but the body lacks %s.", format.description(), required);
		}
		List<String> foreign = new ArrayList<>(format.other().leadingMembers());
		foreign.removeAll(format.leadingMembers());
		foreign.retainAll(names);
		if (!foreign.isEmpty()) {
			throw expected("Expected %s but the body has members of %s: %s.", format.description(),
					format.other().description(), foreign);
		}
		return this.myself;
	}

	/**
	 * Verify every guarantee of api-errors for the format the {@code Content-Type} announces: an error status; a
	 * JSON object body whose members start as the format prescribes ({@code error}, {@code message},
	 * {@code request_id}; or {@code type}, {@code title}, {@code status} equal to the HTTP status, {@code detail},
	 * {@code instance}, {@code error}, {@code request_id}) followed only by {@code fields} (strings by field) and
	 * {@code retry_after} (positive whole seconds) or members declared with {@link #allowingMembers(String...)}; a
	 * snake_case {@code error} of at most 64 characters; a non-blank message and request id; one request id header
	 * equal to {@code request_id}; {@code Cache-Control: no-store}; {@code X-Content-Type-Options: nosniff};
	 * {@code Retry-After} on 429 and 503, and exactly when {@code retry_after} is present, equal to it; a
	 * {@code WWW-Authenticate} challenge on 401; {@code Allow} on 405. A failure lists every broken rule.
	 * @return this assertion
	 */
	public ApiErrorResponseAssert isUniform() {
		isNotNull();
		Uniformity uniformity = new Uniformity(this.actual, json(), this.requestIdHeader, this.allowedMembers);
		List<String> violations = uniformity.violations();
		if (!violations.isEmpty()) {
			WireFormat format = uniformity.format();
			String broken = violations.stream()
				.map((violation) -> "  - " + violation)
				.collect(Collectors.joining(System.lineSeparator()));
			throw expected("Expected a uniform error response%s, but %d %s broken:%n%s",
					(format != null) ? " in " + format.description() : "", violations.size(),
					(violations.size() == 1) ? "rule is" : "rules are", broken);
		}
		return this.myself;
	}

	/**
	 * Return the decoded body, in either wire format, for checks of your own.
	 * @return the body
	 * @throws AssertionError when the body is not a JSON object with a string {@code error} and a string
	 * {@code message} (or {@code detail})
	 */
	public ApiErrorBody body() {
		ObjectNode object = jsonObject("an api-errors body");
		ApiErrorBody body = ApiErrorBody.fromJsonMembers(JsonBody.members(object));
		if (body == null) {
			throw expected("Expected an api-errors body (string members error and message, or detail in problem "
					+ "details) but the members were %s.", JsonBody.memberNames(object));
		}
		return body;
	}

	private JsonBody json() {
		if (this.json == null) {
			this.json = JsonBody.parse(this.actual.body());
		}
		return this.json;
	}

	private ObjectNode jsonObject(String expectation) {
		isNotNull();
		ObjectNode object = json().object();
		if (object == null) {
			throw expected("Expected %s but %s.", expectation, json().problem());
		}
		return object;
	}

	private String requestIdHeaderValue(String expectation) {
		isNotNull();
		List<String> values = this.actual.headerValues(this.requestIdHeader);
		if (values.isEmpty()) {
			throw expected("Expected %s in the %s header but the response has none.", expectation,
					this.requestIdHeader);
		}
		if (values.size() > 1) {
			throw expected("Expected one %s header but the response has %d: %s.", this.requestIdHeader,
					values.size(), values);
		}
		return values.get(0);
	}

	private List<Challenge> challenges(String expectation) {
		isNotNull();
		List<String> values = this.actual.headerValues(HttpHeaders.WWW_AUTHENTICATE);
		if (values.isEmpty()) {
			throw expected("Expected %s but the response has no WWW-Authenticate header.", expectation);
		}
		try {
			return Challenges.parse(values);
		}
		catch (IllegalArgumentException ex) {
			throw expected("Expected %s but WWW-Authenticate cannot be read: %s.", expectation, ex.getMessage());
		}
	}

	private static String describeFields(Map<String, String> fields) {
		return fields.isEmpty() ? "the body has no field errors" : "the fields were " + Text.fields(fields);
	}

	private static String describe(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? status + " " + known.getReasonPhrase() : Integer.toString(status);
	}

	/**
	 * Return the failure for an unmet expectation: the one-line explanation, then the whole response.
	 */
	private AssertionError expected(String explanation, Object... arguments) {
		return failure("%s%n%n%s", String.format(explanation, arguments), this.actual);
	}

}
