package dev.apierrors.contract;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One row of the error contract: a request and the answer every stack gives it.
 *
 * @param name what the row covers
 * @param method the request method
 * @param path the request path
 * @param body the request body, or {@code null}
 * @param headers the request headers, as name and value pairs
 * @param status the status of the answer
 * @param code the {@code error} of the answer, or {@code null} for a response without a body
 * @param message the exact client message, or {@code null} when any message is right
 * @param responseHeaders headers the answer carries, with their exact values ({@code "*"} for any value)
 * @param fields the field messages the answer lists, or an empty map
 */
record ErrorCase(String name, String method, String path, @Nullable String body, List<String> headers, int status,
		@Nullable String code, @Nullable String message, Map<String, String> responseHeaders,
		Map<String, String> fields) {

	private static final String JSON = "application/json";

	@Override
	public String toString() {
		return this.name;
	}

	HttpResponse<String> send(Client client) {
		return client.send(this.method, this.path, this.body, this.headers.toArray(String[]::new));
	}

	static ErrorCase get(String name, String path, int status, String code) {
		return new ErrorCase(name, "GET", path, null, List.of(), status, code, null, Map.of(), Map.of());
	}

	ErrorCase message(String message) {
		return new ErrorCase(this.name, this.method, this.path, this.body, this.headers, this.status, this.code,
				message, this.responseHeaders, this.fields);
	}

	ErrorCase header(String name, String value) {
		Map<String, String> expected = new java.util.LinkedHashMap<>(this.responseHeaders);
		expected.put(name, value);
		return new ErrorCase(this.name, this.method, this.path, this.body, this.headers, this.status, this.code,
				this.message, expected, this.fields);
	}

	ErrorCase field(String name, String message) {
		Map<String, String> expected = new java.util.LinkedHashMap<>(this.fields);
		expected.put(name, message);
		return new ErrorCase(this.name, this.method, this.path, this.body, this.headers, this.status, this.code,
				this.message, this.responseHeaders, expected);
	}

	ErrorCase with(String... requestHeaders) {
		List<String> all = new java.util.ArrayList<>(this.headers);
		all.addAll(List.of(requestHeaders));
		return new ErrorCase(this.name, this.method, this.path, this.body, all, this.status, this.code,
				this.message, this.responseHeaders, this.fields);
	}

	static ErrorCase post(String name, String path, String body, int status, String code) {
		return new ErrorCase(name, "POST", path, body, List.of("Content-Type", JSON), status, code, null, Map.of(),
				Map.of());
	}

	static ErrorCase request(String name, String method, String path, int status, String code) {
		return new ErrorCase(name, method, path, null, List.of(), status, code, null, Map.of(), Map.of());
	}

	/**
	 * The contract, row by row: the cases of the Spring MVC integration tests that do not depend on the servlet
	 * API, checked on both stacks.
	 */
	static Stream<ErrorCase> all() {
		String validUser = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":30}";
		return Stream.of(
				get("typed 404 with its own code and message", "/api/users/7", 404, "user_not_found")
					.message("No user has id 7."),
				get("typed 409", "/api/conflict", 409, "order_already_paid").message("The order is already paid."),
				get("typed 429 with Retry-After", "/api/rate-limited", 429, "rate_limit_exceeded")
					.header("Retry-After", "2"),
				get("typed 503 with the default Retry-After", "/api/maintenance", 503, "service_unavailable")
					.header("Retry-After", "30"),
				get("uncaught exception, nothing leaked", "/api/crash", 500, "internal_error")
					.message("An unexpected error occurred."),
				get("exception in a filter", "/api/filter-crash", 500, "internal_error"),
				get("ResponseStatusException reason shown for a 4xx", "/api/rse-409", 409, "conflict")
					.message("The order has already shipped."),
				get("ResponseStatusException reason never shown for a 5xx", "/api/rse-500", 500, "internal_error")
					.message("An unexpected error occurred."),
				get("@ResponseStatus with a reason", "/api/response-status", 409, "conflict")
					.message("The order has already shipped."),
				post("@ApiError exception", "/api/users",
						"{\"name\":\"Ada\",\"email\":\"taken@example.com\",\"age\":30}", 409, "duplicate_email")
					.message("That email address is already registered."),
				get("concealed as a plain 404", "/api/concealed", 404, "not_found")
					.message("The requested resource was not found."),
				get("configured mapping", "/api/mapped", 404, "item_missing"),
				get("ApiExceptionMapper bean", "/api/mapper", 503, "service_unavailable").header("Retry-After", "10"),
				get("typed exception wrapped in a CompletionException", "/api/completion", 404, "user_not_found"),
				post("malformed JSON", "/api/users", "{\"name\": ", 400, "invalid_json")
					.message("The request body is not valid JSON."),
				post("missing body", "/api/users", null, 400, "invalid_json").message("The request body is missing."),
				post("JSON value of the wrong type", "/api/users",
						"{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"age\":\"old\"}", 400, "invalid_field")
					.field("age", "must be an integer"),
				post("@Valid body failing validation", "/api/users",
						"{\"name\":\"\",\"email\":\"nope\",\"age\":12}", 422, "validation_failed")
					.field("age", "must be greater than or equal to 18"),
				get("constraint on a query parameter", "/api/search?q=x&limit=500", 422, "validation_failed")
					.field("limit", "must be less than or equal to 100"),
				get("missing query parameter", "/api/search?limit=5", 400, "missing_parameter")
					.message("Required query parameter 'q' is missing."),
				get("query parameter of the wrong type", "/api/search?q=x&limit=many", 400, "invalid_parameter")
					.message("Parameter 'limit' must be an integer."),
				get("path variable of the wrong type", "/api/users/seven", 400, "invalid_parameter")
					.message("Parameter 'id' must be an integer."),
				get("missing header", "/api/tenant", 400, "missing_header")
					.message("Required header 'X-Tenant' is missing."),
				get("missing cookie", "/api/session", 400, "missing_cookie")
					.message("Required cookie 'session' is missing."),
				get("unknown route", "/api/no/such/thing", 404, "not_found"),
				request("wrong method", "DELETE", "/api/users/1", 405, "method_not_allowed").header("Allow", "*"),
				new ErrorCase("unsupported content type", "POST", "/api/users", validUser,
						List.of("Content-Type", "text/plain"), 415, "unsupported_media_type", null,
						Map.of("Accept", "*"), Map.of()),
				get("Accept that cannot be met, JSON anyway", "/api/report", 406, "not_acceptable")
					.with("Accept", "application/xml"),
				get("HTML-only client still gets JSON", "/api/users/7", 404, "user_not_found")
					.with("Accept", "text/html"),
				get("error status set without a body", "/api/empty-404", 404, "not_found"),
				get("Retry-After of a bodiless 503 is the application's", "/api/entity-503", 503,
						"service_unavailable")
					.header("Retry-After", "120"),
				get("unauthenticated", "/api/private/me", 401, "authentication_required")
					.header("WWW-Authenticate", "Bearer realm=\"api\""),
				get("denied", "/api/admin/reports", 403, "forbidden").with("Authorization", "Bearer user"),
				request("HEAD gets the headers and no body", "HEAD", "/api/users/7", 404, null));
	}

}
