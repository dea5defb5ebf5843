package dev.apierrors.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorBody;
import dev.apierrors.ApiErrorCode;
import dev.apierrors.UpstreamErrorException;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.FieldErrors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Decodes the error response of another service into an {@link UpstreamErrorException} when its body is in
 * either api-errors format or is RFC 9457 problem details; any other body is left to Spring's exceptions.
 *
 * <p>Recognised: a JSON object with a snake_case {@code error}, a string {@code message} and a string
 * {@code request_id} (the simple format); and any {@code application/problem+json} object, or an
 * {@code application/json} object whose {@code status} is the response's and that has a {@code type} or
 * {@code title} (problem details). Of problem details without a snake_case {@code error}, the code is the last
 * segment of {@code type} in snake_case ({@code .../out-of-credit} gives {@code out_of_credit}), else the
 * status's code; the message is {@code detail}, else {@code title}, else the status's message; field messages
 * come from {@code fields} or from {@code invalid-params} ({@code name} and {@code reason}). The delay is the
 * {@code Retry-After} header (seconds or an HTTP date), else {@code retry_after}; the request id is the request id
 * header, else {@code request_id}, kept only when it is a valid id. Bodies over {@value #MAX_BODY} bytes, of
 * another content type, or that are no JSON object are not decoded.
 */
public final class UpstreamErrorDecoder {

	/** The largest body decoded; api-errors bodies are a few hundred bytes. */
	public static final int MAX_BODY = 64 * 1024;

	private static final int MAX_TEXT = 1000;

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final JsonMapper json = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(16)
				.maxNumberLength(32)
				.maxStringLength(MAX_BODY)
				.maxNameLength(1000)
				.maxDocumentLength(MAX_BODY)
				.build())
			.build())
		.build();

	private final String requestIdHeader;

	private final ErrorCatalog catalog;

	/**
	 * Create a decoder.
	 * @param requestIdHeader the header the upstream's request id is read from
	 * @param catalog the codes and messages of statuses, for problem details that name neither
	 */
	public UpstreamErrorDecoder(String requestIdHeader, ErrorCatalog catalog) {
		this.requestIdHeader = requestIdHeader;
		this.catalog = catalog;
	}

	/**
	 * Return whether a response may hold a body this decoder reads, judged by its status and headers alone: an
	 * error status, a JSON content type and no {@code Content-Length} over {@value #MAX_BODY}.
	 * @param status the response status
	 * @param headers the response headers
	 * @return whether its body is worth reading
	 */
	public boolean isCandidate(HttpStatusCode status, HttpHeaders headers) {
		if (!status.isError()) {
			return false;
		}
		MediaType contentType = contentType(headers);
		if (contentType == null || !isJson(contentType)) {
			return false;
		}
		long length = headers.getContentLength();
		return length <= MAX_BODY;
	}

	/**
	 * Decode an error response.
	 * @param method the method of the request, or {@code null}
	 * @param uri the URI of the request, or {@code null}
	 * @param status the response status
	 * @param headers the response headers
	 * @param body the response body
	 * @return the exception, or {@code null} when the body is in neither format
	 */
	public @Nullable UpstreamErrorException decode(@Nullable HttpMethod method, @Nullable URI uri,
			HttpStatusCode status, HttpHeaders headers, byte[] body) {
		if (!isCandidate(status, headers) || body.length == 0 || body.length > MAX_BODY) {
			return null;
		}
		Map<String, @Nullable Object> members = read(body);
		if (members == null) {
			return null;
		}
		MediaType contentType = contentType(headers);
		boolean problem = (contentType != null && PROBLEM_JSON.isCompatibleWith(contentType))
				|| looksLikeProblem(members, status);
		String code = (members.get("error") instanceof String error && ApiErrorCode.isValidCode(error)) ? error
				: null;
		String message;
		if (problem) {
			if (code == null) {
				code = codeFromType(members.get("type"));
			}
			if (code == null) {
				code = this.catalog.code(status.value());
			}
			message = firstText(members.get("detail"), members.get("title"), members.get("message"));
			if (message == null) {
				message = this.catalog.message(status.value());
			}
		}
		else {
			message = (members.get("message") instanceof String text) ? text : null;
			if (code == null || message == null || !(members.get("request_id") instanceof String)) {
				return null;
			}
		}
		ApiErrorBody decoded = new ApiErrorBody(code, cut(message), requestId(headers, members), fields(members),
				retryAfter(headers, members));
		return new UpstreamErrorException(method, uri, status, decoded, new String(body, StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private @Nullable Map<String, @Nullable Object> read(byte[] body) {
		try {
			Object value = this.json.readValue(body, Object.class);
			return (value instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean isJson(MediaType contentType) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || PROBLEM_JSON.isCompatibleWith(contentType)
				|| ("application".equals(contentType.getType()) && contentType.getSubtype().endsWith("+json"));
	}

	private static boolean looksLikeProblem(Map<String, @Nullable Object> members, HttpStatusCode status) {
		return members.get("status") instanceof Number number && number.intValue() == status.value()
				&& (members.get("type") instanceof String || members.get("title") instanceof String);
	}

	/**
	 * Derive a code from a problem type URI, for example {@code https://example.com/probs/out-of-credit} to
	 * {@code out_of_credit}; {@code about:blank} and segments that give no valid code derive nothing.
	 */
	static @Nullable String codeFromType(@Nullable Object type) {
		if (!(type instanceof String uri) || uri.isBlank() || "about:blank".equals(uri)) {
			return null;
		}
		String segment = uri;
		while (!segment.isEmpty() && "/#=:".indexOf(segment.charAt(segment.length() - 1)) >= 0) {
			segment = segment.substring(0, segment.length() - 1);
		}
		int start = Math.max(Math.max(segment.lastIndexOf('/'), segment.lastIndexOf('#')),
				Math.max(segment.lastIndexOf('='), segment.lastIndexOf(':')));
		String code = segment.substring(start + 1).toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
		return ApiErrorCode.isValidCode(code) ? code : null;
	}

	private static @Nullable String firstText(@Nullable Object... candidates) {
		for (Object candidate : candidates) {
			if (candidate instanceof String text && !text.isBlank()) {
				return text;
			}
		}
		return null;
	}

	private static String cut(String text) {
		return (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) + "..." : text;
	}

	private @Nullable String requestId(HttpHeaders headers, Map<String, @Nullable Object> members) {
		List<String> values = headers.get(this.requestIdHeader);
		if (values != null && values.size() == 1 && RequestIds.isValid(values.get(0))) {
			return values.get(0);
		}
		return (members.get("request_id") instanceof String id && RequestIds.isValid(id)) ? id : null;
	}

	private static Map<String, String> fields(Map<String, @Nullable Object> members) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (members.get("fields") instanceof Map<?, ?> map) {
			map.forEach((name, value) -> {
				if (value instanceof String text && fields.size() < FieldErrors.MAX_FIELDS) {
					fields.put(cut(String.valueOf(name)), cut(text));
				}
			});
		}
		Object invalidParams = members.containsKey("invalid-params") ? members.get("invalid-params")
				: members.get("invalid_params");
		if (fields.isEmpty() && invalidParams instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> param && param.get("name") instanceof String name
						&& param.get("reason") instanceof String reason && fields.size() < FieldErrors.MAX_FIELDS) {
					fields.put(cut(name), cut(reason));
				}
			}
		}
		return fields;
	}

	/**
	 * Return the delay of a {@code Retry-After} header (RFC 9110 section 10.2.3: delay seconds or an HTTP date),
	 * else of a {@code retry_after} member.
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Map<String, @Nullable Object> members) {
		String header = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (header != null && !header.isBlank()) {
			Duration fromHeader = parseRetryAfter(header.trim());
			if (fromHeader != null) {
				return fromHeader;
			}
		}
		if (members.get("retry_after") instanceof Number seconds && seconds.longValue() >= 0) {
			return Duration.ofSeconds(seconds.longValue());
		}
		return null;
	}

	private static @Nullable Duration parseRetryAfter(String value) {
		if (value.length() <= 12 && value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(Instant.now(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
