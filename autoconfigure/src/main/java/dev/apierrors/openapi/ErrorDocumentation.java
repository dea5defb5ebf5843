package dev.apierrors.openapi;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;

/**
 * The OpenAPI objects that describe error responses: the body schema of the configured wire format, the headers
 * error responses carry, and a response per status with one example per code, each encoded by the same
 * {@link ErrorBodyEncoder} the runtime uses.
 */
final class ErrorDocumentation {

	/** The name of the schema of a simple-format error body. */
	static final String SIMPLE_SCHEMA = "ApiError";

	/** The name of the schema of a problem-details error body. */
	static final String PROBLEM_SCHEMA = "ApiProblem";

	static final String RETRY_AFTER = "Retry-After";

	static final String WWW_AUTHENTICATE = "WWW-Authenticate";

	static final String ACCEPT = "Accept";

	private static final String CODE_PATTERN = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";

	private static final String EXAMPLE_REQUEST_ID = "Zk3v0mH6Q1u8Wc9bq2XyLg";

	private final ErrorBodyEncoder encoder;

	private final ErrorCatalog statuses;

	private final ApiErrorFormat format;

	private final boolean docUrl;

	private final String requestIdHeader;

	private final long tooManyRequestsSeconds;

	private final long serviceUnavailableSeconds;

	ErrorDocumentation(ErrorBodyEncoder encoder, ErrorCatalog statuses, ApiErrorFormat format, boolean docUrl,
			String requestIdHeader, long tooManyRequestsSeconds, long serviceUnavailableSeconds) {
		this.encoder = encoder;
		this.statuses = statuses;
		this.format = format;
		this.docUrl = docUrl && format == ApiErrorFormat.SIMPLE && encoder.documentation("x") != null;
		this.requestIdHeader = requestIdHeader;
		this.tooManyRequestsSeconds = tooManyRequestsSeconds;
		this.serviceUnavailableSeconds = serviceUnavailableSeconds;
	}

	String schemaName() {
		return (this.format == ApiErrorFormat.PROBLEM_DETAILS) ? PROBLEM_SCHEMA : SIMPLE_SCHEMA;
	}

	String requestIdHeader() {
		return this.requestIdHeader;
	}

	/**
	 * Add the body schema and the headers to the components.
	 * @param components the components
	 */
	void addComponents(Components components) {
		components.addSchemas(schemaName(), schema());
		components.addHeaders(this.requestIdHeader, new Header()
			.description("The id of the request, equal to the body's request_id; it finds the request in the logs.")
			.schema(new StringSchema()));
		components.addHeaders(RETRY_AFTER,
				new Header().description("How many seconds to wait before retrying, equal to the body's retry_after.")
					.schema(new IntegerSchema().minimum(BigDecimal.ONE)));
		components.addHeaders(WWW_AUTHENTICATE,
				new Header().description("The authentication challenge (RFC 9110), with the RFC 6750 error code when "
						+ "there is one.").schema(new StringSchema()));
		components.addHeaders(ACCEPT,
				new Header().description("The media types the operation accepts.").schema(new StringSchema()));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private Schema<?> schema() {
		ObjectSchema schema = new ObjectSchema();
		Map<String, Schema> properties = new LinkedHashMap<>();
		StringSchema code = new StringSchema();
		code.pattern(CODE_PATTERN)
			.maxLength(64)
			.description("Stable snake_case error code clients branch on; the error catalog lists every code.");
		StringSchema message = new StringSchema();
		message.description("Message for people; localised, never internal details.");
		StringSchema requestId = new StringSchema();
		requestId.description("Id of the request, equal to the " + this.requestIdHeader + " header.");
		if (this.format == ApiErrorFormat.PROBLEM_DETAILS) {
			schema.description("An error, as RFC 9457 problem details with the error code and the request id.");
			properties.put("type", new StringSchema().description("URI of the error code's documentation, or "
					+ "about:blank."));
			properties.put("title", new StringSchema().description("Reason phrase of the status."));
			properties.put("status", new IntegerSchema().description("The HTTP status."));
			properties.put("detail", message);
			properties.put("instance", new StringSchema().description("The path the client asked for."));
			properties.put("error", code);
			properties.put("request_id", requestId);
			schema.required(List.of("type", "title", "status", "detail", "instance", "error", "request_id"));
		}
		else {
			schema.description("An error: a stable code, a message and the request id.");
			properties.put("error", code);
			properties.put("message", message);
			properties.put("request_id", requestId);
			if (this.docUrl) {
				properties.put("doc_url", new StringSchema().description("The documentation of the error code."));
			}
			schema.required(List.of("error", "message", "request_id"));
		}
		MapSchema fields = new MapSchema();
		fields.additionalProperties(new StringSchema());
		fields.description("Validation errors: field (JSON path, parameter or header name) to message; only on "
				+ "validation errors.");
		properties.put("fields", fields);
		IntegerSchema retryAfter = new IntegerSchema();
		retryAfter.format("int64")
			.minimum(BigDecimal.ONE)
			.description("Seconds to wait before retrying, equal to the Retry-After header; only on 429 and 503.");
		properties.put("retry_after", retryAfter);
		schema.properties((Map) properties);
		return schema;
	}

	/**
	 * Return the name of the body's media type without the charset parameter, as OpenAPI documents name them.
	 * @return {@code application/json} or {@code application/problem+json}
	 */
	private String mediaTypeName() {
		String contentType = this.encoder.contentType();
		int parameters = contentType.indexOf(';');
		return (parameters >= 0) ? contentType.substring(0, parameters) : contentType;
	}

	/**
	 * Return the response of a status with an example per code.
	 * @param status the status
	 * @param codes the codes the operation can answer with that status
	 * @param path the operation's path, for problem details' {@code instance}
	 * @return the response
	 */
	ApiResponse response(int status, Map<String, ErrorCodeEntry> codes, String path) {
		MediaType mediaType = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schemaName()));
		StringBuilder description = new StringBuilder(this.statuses.title(status)).append(':');
		for (ErrorCodeEntry entry : codes.values()) {
			description.append(" `").append(entry.code()).append('`');
			String summary = entry.description().isEmpty() ? entry.message() : entry.description();
			mediaType.addExamples(entry.code(), new Example().summary(summary).value(example(entry, path)));
		}
		ApiResponse response = new ApiResponse().description(description.toString())
			.content(new Content().addMediaType(mediaTypeName(), mediaType));
		response.addHeaderObject(this.requestIdHeader, reference(this.requestIdHeader));
		if (status == 429 || status == 503) {
			response.addHeaderObject(RETRY_AFTER, reference(RETRY_AFTER));
		}
		if (status == 401 || (status == 403 && codes.containsKey("insufficient_scope"))) {
			response.addHeaderObject(WWW_AUTHENTICATE, reference(WWW_AUTHENTICATE));
		}
		if (status == 415) {
			response.addHeaderObject(ACCEPT, reference(ACCEPT));
		}
		return response;
	}

	private static Header reference(String name) {
		return new Header().$ref("#/components/headers/" + name);
	}

	/**
	 * Encode the example body of a code as the runtime would send it.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> example(ErrorCodeEntry entry, String path) {
		int status = entry.status();
		ResolvedError.Builder builder = ResolvedError.builder(status, entry.code(),
				entry.message().isEmpty() ? this.statuses.message(status) : entry.message());
		Map<String, String> fields = exampleFields(entry);
		if (!fields.isEmpty()) {
			builder.fields(fields);
		}
		ResolvedError error = builder.build();
		long retryAfter = (status == 429) ? this.tooManyRequestsSeconds
				: (status == 503) ? this.serviceUnavailableSeconds : -1;
		error.prepare(EXAMPLE_REQUEST_ID, retryAfter, Set.of());
		try {
			return Json.mapper().readValue(this.encoder.encode(error, path), LinkedHashMap.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the example body of " + entry.code(), ex);
		}
	}

	private Map<String, String> exampleFields(ErrorCodeEntry entry) {
		if (entry.code().equals(this.statuses.code(422))) {
			return Map.of("name", "must not be blank");
		}
		if (entry.code().equals("invalid_field")) {
			return Map.of("age", "must be an integer");
		}
		return Map.of();
	}

}
