package dev.apierrors.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

import dev.apierrors.ApiErrorDetails;

/**
 * Logs each error once, under its request id: 5xx at ERROR with the stack trace, 401, 403 and 429 at INFO,
 * other 4xx at DEBUG without a stack trace, unless configured otherwise. Text that came from the client is
 * logged with CR, LF and other control characters escaped (CWE-117).
 */
public class ErrorLogger {

	private static final String LOGGED = ErrorLogger.class.getName() + ".logged";

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("dev.apierrors");

	private final @Nullable Level[] levels = new Level[600];

	private final boolean[] stackTraces = new boolean[600];

	/**
	 * Create a logger that follows the given policy.
	 * @param policy the level and stack-trace choice per status
	 */
	public ErrorLogger(LogPolicy policy) {
		for (int status = 0; status < 600; status++) {
			this.levels[status] = policy.level(status);
			this.stackTraces[status] = policy.stackTrace(status);
		}
	}

	/**
	 * Log the error unless this request already logged it.
	 * @param request the request
	 * @param error the error being answered
	 * @param requestId the request id
	 */
	public void log(HttpServletRequest request, ApiErrorDetails error, String requestId) {
		if (request.getAttribute(LOGGED) != null) {
			return;
		}
		request.setAttribute(LOGGED, Boolean.TRUE);
		log(request, error, requestId, null);
	}

	/**
	 * Log an error that could not be answered because the response was already committed, unless this request
	 * already logged it.
	 * @param request the request
	 * @param error the error
	 * @param requestId the request id
	 */
	public void logCommitted(HttpServletRequest request, ApiErrorDetails error, String requestId) {
		if (request.getAttribute(LOGGED) != null) {
			return;
		}
		request.setAttribute(LOGGED, Boolean.TRUE);
		log(request, error, requestId, "response already committed, left as is");
	}

	private void log(HttpServletRequest request, ApiErrorDetails error, String requestId, String note) {
		int status = Math.min(Math.max(error.getStatus(), 0), 599);
		Level level = this.levels[status];
		if (level == null || !logger.isEnabledForLevel(level)) {
			return;
		}
		StringBuilder line = new StringBuilder(160);
		line.append(request.getMethod()).append(' ');
		appendSafe(line, ApiErrorRenderer.originalUri(request), 300);
		line.append(" -> ").append(status).append(' ').append(error.getCode()).append(": ");
		appendSafe(line, error.getMessage(), 500);
		if (error.getLogDetail() != null) {
			line.append(" (");
			appendSafe(line, error.getLogDetail(), 500);
			line.append(')');
		}
		if (note != null) {
			line.append(" [").append(note).append(']');
		}
		line.append(" request_id=").append(requestId);
		Throwable exception = error.getException();
		if (exception != null && this.stackTraces[status]) {
			logger.atLevel(level).setCause(LoggedThrowable.of(exception)).log(line.toString());
		}
		else {
			if (exception != null && error.isUnexpected()) {
				line.append(" exception=").append(exception.getClass().getName());
			}
			logger.atLevel(level).log(line.toString());
		}
	}

	/**
	 * Append text from the client with control characters escaped and its length capped.
	 */
	static void appendSafe(StringBuilder out, String text, int max) {
		if (text == null) {
			out.append("null");
			return;
		}
		int length = Math.min(text.length(), max);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029' || c == '\u0085') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > max) {
			out.append("...");
		}
	}

}
