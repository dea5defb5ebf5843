package dev.apierrors.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiErrorDetails;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Writes an {@link ApiErrorDetails} as the response: status, headers ({@code Content-Type}, the request id,
 * {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff}, {@code Retry-After},
 * {@code WWW-Authenticate} and the error's own such as {@code Allow}) and the body in the configured format.
 * HEAD responses get the headers and no body. A committed response is left alone and the error only logged.
 */
public class ApiErrorRenderer {

	private static final Logger logger = LoggerFactory.getLogger(ApiErrorRenderer.class);

	private static final String JSON = "application/json";

	private static final String PROBLEM_JSON = "application/problem+json";

	private final ApiErrorFormat format;

	private final @Nullable String typeBase;

	private final String requestIdHeader;

	private final Challenges challenges;

	private final List<ApiErrorCustomizer> customizers;

	private final ErrorLogger errorLogger;

	private final @Nullable LocalizedMessages localizedMessages;

	/**
	 * Create a renderer.
	 * @param format the body format
	 * @param typeBase the URI that problem-details {@code type} values start with, or {@code null} for
	 * {@code about:blank}
	 * @param requestIdHeader the name of the request id header
	 * @param challengeScheme the scheme of {@code WWW-Authenticate} challenges the starter sends
	 * @param realm the realm of those challenges, or {@code null}
	 * @param customizers the customizers to apply, in order
	 * @param errorLogger the logger of errors
	 */
	public ApiErrorRenderer(ApiErrorFormat format, @Nullable String typeBase, String requestIdHeader,
			String challengeScheme, @Nullable String realm, List<ApiErrorCustomizer> customizers,
			ErrorLogger errorLogger) {
		this(format, typeBase, requestIdHeader, challengeScheme, realm, customizers, errorLogger, null);
	}

	/**
	 * Create a renderer that localises client messages before the customizers run.
	 * @param format the body format
	 * @param typeBase the URI that problem-details {@code type} values start with, or {@code null} for
	 * {@code about:blank}
	 * @param requestIdHeader the name of the request id header
	 * @param challengeScheme the scheme of {@code WWW-Authenticate} challenges the starter sends
	 * @param realm the realm of those challenges, or {@code null}
	 * @param customizers the customizers to apply, in order
	 * @param errorLogger the logger of errors
	 * @param localizedMessages looks up localised client messages, or {@code null} to keep messages as resolved
	 */
	public ApiErrorRenderer(ApiErrorFormat format, @Nullable String typeBase, String requestIdHeader,
			String challengeScheme, @Nullable String realm, List<ApiErrorCustomizer> customizers,
			ErrorLogger errorLogger, @Nullable LocalizedMessages localizedMessages) {
		this.format = format;
		this.typeBase = typeBase;
		this.requestIdHeader = requestIdHeader;
		this.challenges = new Challenges(challengeScheme, realm);
		this.customizers = List.copyOf(customizers);
		this.errorLogger = errorLogger;
		this.localizedMessages = localizedMessages;
	}

	/**
	 * Return the name of the request id header.
	 * @return the header name
	 */
	public String getRequestIdHeader() {
		return this.requestIdHeader;
	}

	/**
	 * Return the challenge sent with a 401 that names no error: the configured scheme and realm.
	 * @return the default {@code WWW-Authenticate} value
	 */
	String defaultChallenge() {
		return this.challenges.defaultChallenge();
	}

	/**
	 * Write the error as the response, or log it when the response is already committed.
	 * @param request the request
	 * @param response the response
	 * @param error the error to write
	 */
	public void render(HttpServletRequest request, HttpServletResponse response, ApiErrorDetails error) {
		String requestId = RequestIds.get(request);
		if (response.isCommitted()) {
			this.errorLogger.logCommitted(request, error, requestId);
			return;
		}
		if (this.localizedMessages != null) {
			this.localizedMessages.localize(request, error);
		}
		customize(error);
		this.errorLogger.log(request, error, requestId);
		byte[] body;
		try {
			body = body(request, error, requestId);
		}
		catch (RuntimeException ex) {
			logger.error("Failed to render error body; answering a plain 500 (request_id={})", requestId, ex);
			error = ApiErrorDetails.builder(500, "internal_error", "An unexpected error occurred.").build();
			body = body(request, error, requestId);
		}
		write(request, response, error, requestId, body);
	}

	private void customize(ApiErrorDetails error) {
		for (ApiErrorCustomizer customizer : this.customizers) {
			try {
				customizer.customize(error);
			}
			catch (RuntimeException | LinkageError ex) {
				logger.error("ApiErrorCustomizer {} failed; its changes may be incomplete", customizer.getClass().getName(), ex);
			}
		}
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ApiErrorDetails error,
			String requestId, byte[] body) {
		try {
			response.resetBuffer();
		}
		catch (IllegalStateException ex) {
			return;
		}
		int status = error.getStatus();
		response.setStatus(status);
		response.setContentType((this.format == ApiErrorFormat.PROBLEM_DETAILS) ? PROBLEM_JSON : JSON);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.setHeader(this.requestIdHeader, requestId);
		// Headers set before the error are kept, except those describing a body the error body replaces (a 416
		// keeps its Content-Range, which names the size of the resource).
		response.setHeader(HttpHeaders.CONTENT_ENCODING, null);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, null);
		if (status != 416) {
			response.setHeader(HttpHeaders.CONTENT_RANGE, null);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		copy(error.getHeaders(), response);
		copy(error.getAddedHeaders(), response);
		if (error.getRetryAfterSeconds() > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(error.getRetryAfterSeconds()));
		}
		String challenge = this.challenges.challenge(status, error.getCode(), error.getMessage());
		// A challenge set before (HTTP Basic, an app's own entry point) is kept unless the error names an RFC 6750
		// error, which only the starter's challenge carries.
		if (challenge != null && (!response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)
				|| !challenge.equals(this.challenges.defaultChallenge()))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		response.setContentLength(body.length);
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		try {
			response.getOutputStream().write(body);
			response.flushBuffer();
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not write error body, the client has probably gone (request_id={}): {}", requestId,
					ex.toString());
		}
	}

	private static void copy(HttpHeaders headers, HttpServletResponse response) {
		if (headers.isEmpty()) {
			return;
		}
		headers.forEach((name, values) -> {
			boolean first = true;
			for (String value : values) {
				if (!isSafe(name) || !isSafe(value)) {
					logger.warn("Dropped error response header {} holding a control character", escaped(name));
					continue;
				}
				if (first) {
					response.setHeader(name, value);
					first = false;
				}
				else {
					response.addHeader(name, value);
				}
			}
		});
	}

	/**
	 * Return whether a header name or value is free of control characters, which could split the header.
	 */
	private static boolean isSafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		ErrorLogger.appendSafe(out, text, 100);
		return out.toString();
	}

	/**
	 * Return the path the client asked for: on the container's error dispatch the request's own URI is the error
	 * path, and the original one is a request attribute.
	 */
	static String originalUri(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (original instanceof String uri) ? uri : request.getRequestURI();
	}

	/**
	 * Return the body bytes of the error.
	 * @param request the request
	 * @param error the error
	 * @param requestId the request id
	 * @return the body, UTF-8 encoded
	 */
	byte[] body(HttpServletRequest request, ApiErrorDetails error, String requestId) {
		StringBuilder out = new StringBuilder(256);
		if (this.format == ApiErrorFormat.PROBLEM_DETAILS) {
			HttpStatus known = HttpStatus.resolve(error.getStatus());
			out.append("{\"type\":");
			Json.string(out, (this.typeBase != null) ? this.typeBase + error.getCode() : "about:blank");
			out.append(",\"title\":");
			Json.string(out, (known != null) ? known.getReasonPhrase() : "Error");
			out.append(",\"status\":").append(error.getStatus());
			out.append(",\"detail\":");
			Json.string(out, error.getMessage());
			out.append(",\"instance\":");
			Json.string(out, originalUri(request));
			out.append(",\"error\":");
			Json.string(out, error.getCode());
		}
		else {
			out.append("{\"error\":");
			Json.string(out, error.getCode());
			out.append(",\"message\":");
			Json.string(out, error.getMessage());
		}
		out.append(",\"request_id\":");
		Json.string(out, requestId);
		if (!error.getFields().isEmpty()) {
			out.append(",\"fields\":");
			Json.value(out, error.getFields());
		}
		if (error.getRetryAfterSeconds() > 0) {
			out.append(",\"retry_after\":").append(error.getRetryAfterSeconds());
		}
		for (Map.Entry<String, @Nullable Object> member : error.getMembers().entrySet()) {
			Json.member(out, member.getKey());
			Json.value(out, member.getValue());
		}
		out.append('}');
		return Json.utf8(out);
	}

}
