package dev.apierrors.test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * Hand-written error responses, correct and wrong, that the test servers answer at {@code /canned/{name}} (the
 * enum name in lower case with dashes), so the assertions are tested without the starter answering.
 */
enum CannedResponse {

	/** A correct simple-format 404. */
	USER_NOT_FOUND(404, simpleHeaders("req-7"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-7\"}"),

	/** A correct problem-details 404. */
	PROBLEM(404, problemHeaders("req-7"),
			"{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No user has id 7.\","
					+ "\"instance\":\"/api/users/7\",\"error\":\"user_not_found\",\"request_id\":\"req-7\"}"),

	/** A correct 422 with field errors. */
	VALIDATION(422, simpleHeaders("req-8"),
			"{\"error\":\"validation_failed\",\"message\":\"The request has invalid fields.\",\"request_id\":\"req-8\","
					+ "\"fields\":{\"email\":\"must be a well-formed email address\","
					+ "\"age\":\"must be greater than or equal to 18\"}}"),

	/** A correct problem-details 422 with field errors. */
	PROBLEM_VALIDATION(422, problemHeaders("req-8"),
			"{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
					+ "\"detail\":\"The request has invalid fields.\",\"instance\":\"/api/users\","
					+ "\"error\":\"validation_failed\",\"request_id\":\"req-8\","
					+ "\"fields\":{\"email\":\"must be a well-formed email address\"}}"),

	/** A correct 429. */
	RATE_LIMITED(429, with(simpleHeaders("req-9"), "Retry-After", "42"),
			"{\"error\":\"rate_limited\",\"message\":\"Too many requests.\",\"request_id\":\"req-9\","
					+ "\"retry_after\":42}"),

	/** A correct 401 naming an RFC 6750 error. */
	UNAUTHENTICATED(401,
			with(simpleHeaders("req-10"), "WWW-Authenticate",
					"Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The token expired.\""),
			"{\"error\":\"invalid_token\",\"message\":\"The token expired.\",\"request_id\":\"req-10\"}"),

	/** A correct 405. */
	METHOD_NOT_ALLOWED(405, with(simpleHeaders("req-11"), "Allow", "GET, HEAD"),
			"{\"error\":\"method_not_allowed\",\"message\":\"This resource does not support DELETE.\","
					+ "\"request_id\":\"req-11\"}"),

	/** A correct 404 with a member that the application's own customizer adds. */
	WITH_DOCS_MEMBER(404, simpleHeaders("req-12"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-12\","
					+ "\"docs\":\"https://docs.example.com/errors#user_not_found\"}"),

	/** A correct 404 whose request id travels in a renamed header. */
	RENAMED_ID_HEADER(404, renamedIdHeader(),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-13\"}"),

	/** Wrong: the request id header differs from the body's. */
	ID_MISMATCH(404, simpleHeaders("req-1"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-2\"}"),

	/** Wrong: no request id header. */
	NO_ID_HEADER(404, without(simpleHeaders("req-3"), "X-Request-Id"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-3\"}"),

	/** Wrong: an undocumented member. */
	EXTRA_MEMBER(500, simpleHeaders("req-4"),
			"{\"error\":\"internal_error\",\"message\":\"An unexpected error occurred.\",\"request_id\":\"req-4\","
					+ "\"exception\":\"java.lang.IllegalStateException\"}"),

	/** Wrong: a problem-details body sent as {@code application/json}. */
	PROBLEM_AS_JSON(404, simpleHeaders("req-7"), PROBLEM.body),

	/** Wrong: a simple body sent as {@code application/problem+json}. */
	SIMPLE_AS_PROBLEM(404, problemHeaders("req-7"), USER_NOT_FOUND.body),

	/** Wrong: a problem-details body whose {@code status} differs from the HTTP status. */
	PROBLEM_STATUS_MISMATCH(404, problemHeaders("req-7"), PROBLEM.body.replace("\"status\":404", "\"status\":500")),

	/** Wrong: an HTML error page. */
	HTML(500, with(without(simpleHeaders("req-5"), "Content-Type"), "Content-Type", "text/html;charset=UTF-8"),
			"<html><body><h1>Whitelabel Error Page</h1></body></html>"),

	/** Wrong: a success. */
	OK(200, simpleHeaders("req-6"), "{\"id\":7,\"name\":\"Alice\"}"),

	/** Wrong: a non-snake_case code, a blank message, members out of order. */
	SLOPPY(400, simpleHeaders("req-14"), "{\"message\":\" \",\"error\":\"BadRequest\",\"request_id\":\"req-14\"}"),

	/** Wrong: a member twice. */
	DUPLICATE_MEMBER(404, simpleHeaders("req-15"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-15\","
					+ "\"error\":\"not_found\"}"),

	/** Wrong: {@code Retry-After} and {@code retry_after} disagree. */
	RETRY_AFTER_MISMATCH(429, with(simpleHeaders("req-16"), "Retry-After", "42"),
			"{\"error\":\"rate_limited\",\"message\":\"Too many requests.\",\"request_id\":\"req-16\","
					+ "\"retry_after\":60}"),

	/** Wrong: a 503 without {@code Retry-After}. */
	UNAVAILABLE_WITHOUT_RETRY_AFTER(503, simpleHeaders("req-17"),
			"{\"error\":\"service_unavailable\",\"message\":\"Down for maintenance.\",\"request_id\":\"req-17\"}"),

	/** Wrong: {@code retry_after} without the header. */
	RETRY_AFTER_MEMBER_ONLY(404, simpleHeaders("req-18"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-18\","
					+ "\"retry_after\":5}"),

	/** Wrong: cacheable and sniffable. */
	CACHEABLE(404, without(without(simpleHeaders("req-19"), "Cache-Control"), "X-Content-Type-Options"),
			"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"req-19\"}"),

	/** Wrong: a 401 without a challenge. */
	UNAUTHENTICATED_WITHOUT_CHALLENGE(401, simpleHeaders("req-20"),
			"{\"error\":\"authentication_required\",\"message\":\"Sign in first.\",\"request_id\":\"req-20\"}"),

	/** Wrong: a 405 without {@code Allow}. */
	METHOD_NOT_ALLOWED_WITHOUT_ALLOW(405, simpleHeaders("req-21"),
			"{\"error\":\"method_not_allowed\",\"message\":\"Not here.\",\"request_id\":\"req-21\"}"),

	/** Wrong: no body at all. */
	EMPTY(404, without(simpleHeaders("req-22"), "Content-Type"), "");

	private final int status;

	private final HttpHeaders headers;

	private final String body;

	CannedResponse(int status, HttpHeaders headers, String body) {
		this.status = status;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * Return the path the test servers answer this response at.
	 */
	String path() {
		return "/canned/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static CannedResponse forName(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

	int status() {
		return this.status;
	}

	HttpHeaders headers() {
		return HttpHeaders.readOnlyHttpHeaders(this.headers);
	}

	String body() {
		return this.body;
	}

	byte[] bodyBytes() {
		return this.body.getBytes(StandardCharsets.UTF_8);
	}

	private static HttpHeaders simpleHeaders(String requestId) {
		return headers("application/json", "X-Request-Id", requestId);
	}

	private static HttpHeaders problemHeaders(String requestId) {
		return headers("application/problem+json", "X-Request-Id", requestId);
	}

	private static HttpHeaders renamedIdHeader() {
		return headers("application/json", "Request-Id", "req-13");
	}

	private static HttpHeaders headers(String contentType, String idHeader, String requestId) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Content-Type", contentType);
		headers.add(idHeader, requestId);
		headers.add("Cache-Control", "no-store");
		headers.add("X-Content-Type-Options", "nosniff");
		return headers;
	}

	private static HttpHeaders with(HttpHeaders headers, String name, String value) {
		headers.add(name, value);
		return headers;
	}

	private static HttpHeaders without(HttpHeaders headers, String name) {
		headers.remove(name);
		return headers;
	}

}
