package dev.apierrors.servlet;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Default code and client message of every status, computed once at start-up.
 */
final class StatusCatalog {

	private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
			Map.entry(400, new String[] { "bad_request", "The request is malformed." }),
			Map.entry(401, new String[] { "authentication_required", "Authentication is required to access this resource." }),
			Map.entry(403, new String[] { "forbidden", "You are not allowed to access this resource." }),
			Map.entry(404, new String[] { "not_found", "The requested resource was not found." }),
			Map.entry(405, new String[] { "method_not_allowed", "The request method is not supported for this resource." }),
			Map.entry(406, new String[] { "not_acceptable", "None of the requested media types can be produced." }),
			Map.entry(409, new String[] { "conflict", "The request conflicts with the current state of the resource." }),
			Map.entry(410, new String[] { "gone", "The requested resource is no longer available." }),
			Map.entry(413, new String[] { "payload_too_large", "The request body is too large." }),
			Map.entry(415, new String[] { "unsupported_media_type", "The request's content type is not supported." }),
			Map.entry(422, new String[] { "validation_failed", "The request contains invalid values." }),
			Map.entry(429, new String[] { "rate_limit_exceeded", "Too many requests. Retry later." }),
			Map.entry(500, new String[] { "internal_error", "An unexpected error occurred." }),
			Map.entry(502, new String[] { "bad_gateway", "An upstream service failed." }),
			Map.entry(503, new String[] { "service_unavailable", "The service is temporarily unavailable. Retry later." }),
			Map.entry(504, new String[] { "gateway_timeout", "An upstream service did not answer in time." }));

	private static final int MIN = 400;

	private static final int MAX = 599;

	private final String[] codes = new String[MAX - MIN + 1];

	private final String[] messages = new String[MAX - MIN + 1];

	StatusCatalog(Map<Integer, String> messageOverrides) {
		for (int status = MIN; status <= MAX; status++) {
			String[] known = KNOWN.get(status);
			String code = (known != null) ? known[0] : derivedCode(status);
			String message = (known != null) ? known[1] : derivedMessage(status);
			this.codes[status - MIN] = code;
			this.messages[status - MIN] = messageOverrides.getOrDefault(status, message);
		}
	}

	/**
	 * Derive a code from the reason phrase, for example 402 to {@code payment_required}.
	 */
	private static String derivedCode(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null) {
			return (status < 500) ? "client_error" : "server_error";
		}
		return known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

	private static String derivedMessage(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null) {
			return (status < 500) ? "The request failed." : "The server failed to answer the request.";
		}
		return known.getReasonPhrase() + ".";
	}

	static boolean isError(int status) {
		return status >= MIN && status <= MAX;
	}

	String code(int status) {
		return isError(status) ? this.codes[status - MIN] : this.codes[500 - MIN];
	}

	String message(int status) {
		return isError(status) ? this.messages[status - MIN] : this.messages[500 - MIN];
	}

}
