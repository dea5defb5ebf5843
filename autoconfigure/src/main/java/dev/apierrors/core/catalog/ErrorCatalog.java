package dev.apierrors.core.catalog;

import java.util.Locale;
import java.util.Map;

import dev.apierrors.core.ResolvedError;

import org.springframework.http.HttpStatus;

/**
 * The default code, client message and problem-details title of every error status, computed once at start-up;
 * messages can be replaced per status.
 */
public final class ErrorCatalog {

	/** The lowest error status. */
	public static final int MIN = 400;

	/** The highest error status. */
	public static final int MAX = 599;

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

	private final String[] codes = new String[MAX - MIN + 1];

	private final String[] messages = new String[MAX - MIN + 1];

	private final String[] titles = new String[MAX - MIN + 1];

	/**
	 * Create the catalog.
	 * @param messageOverrides client messages by status that replace the built-in ones
	 * @throws IllegalArgumentException if a key is not an error status or a message is blank, naming the key
	 */
	public ErrorCatalog(Map<Integer, String> messageOverrides) {
		messageOverrides.forEach((status, message) -> {
			if (!isError(status)) {
				throw new IllegalArgumentException("The key " + status + " is not an error status (400 to 599).");
			}
			if (message == null || message.isBlank()) {
				throw new IllegalArgumentException("The message for " + status + " must not be blank.");
			}
		});
		for (int status = MIN; status <= MAX; status++) {
			String[] known = KNOWN.get(status);
			HttpStatus reason = HttpStatus.resolve(status);
			this.codes[status - MIN] = (known != null) ? known[0] : derivedCode(status, reason);
			String message = messageOverrides.get(status);
			this.messages[status - MIN] = (message != null) ? message.trim()
					: (known != null) ? known[1] : derivedMessage(status, reason);
			this.titles[status - MIN] = (reason != null) ? reason.getReasonPhrase() : "Error";
		}
	}

	/**
	 * Derive a code from the reason phrase, for example 402 to {@code payment_required}.
	 */
	private static String derivedCode(int status, @org.jspecify.annotations.Nullable HttpStatus reason) {
		if (reason == null) {
			return (status < 500) ? "client_error" : "server_error";
		}
		return reason.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

	private static String derivedMessage(int status, @org.jspecify.annotations.Nullable HttpStatus reason) {
		if (reason == null) {
			return (status < 500) ? "The request failed." : "The server failed to answer the request.";
		}
		return reason.getReasonPhrase() + ".";
	}

	/**
	 * Return whether the status is an error status, from 400 to 599.
	 * @param status the status
	 * @return whether it is an error
	 */
	public static boolean isError(int status) {
		return status >= MIN && status <= MAX;
	}

	/**
	 * Return the default code of a status; 500's for a status that is no error.
	 * @param status the status
	 * @return the code
	 */
	public String code(int status) {
		return this.codes[index(status)];
	}

	/**
	 * Return the client message of a status; 500's for a status that is no error.
	 * @param status the status
	 * @return the message
	 */
	public String message(int status) {
		return this.messages[index(status)];
	}

	/**
	 * Return the problem-details title of a status: its reason phrase.
	 * @param status the status
	 * @return the title
	 */
	public String title(int status) {
		return this.titles[index(status)];
	}

	/**
	 * Start an error that answers with the status's default code and message.
	 * @param status the status; 500 is used for a status that is no error
	 * @return a builder
	 */
	public ResolvedError.Builder error(int status) {
		int effective = isError(status) ? status : 500;
		return ResolvedError.builder(effective, code(effective), message(effective)).defaultMessage();
	}

	/**
	 * Return the generic 500 for an exception no rule answers.
	 * @param exception the exception, or {@code null}
	 * @return the error
	 */
	public ResolvedError internalError(@org.jspecify.annotations.Nullable Throwable exception) {
		return error(500).exception(exception).unexpected().build();
	}

	private static int index(int status) {
		return (isError(status) ? status : 500) - MIN;
	}

}
