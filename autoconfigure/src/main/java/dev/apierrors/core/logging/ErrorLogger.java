package dev.apierrors.core.logging;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ErrorExchange;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.SafeText;
import dev.apierrors.core.requestid.RequestIds;

/**
 * Logs each error once per exchange, under its request id, on the logger {@code dev.apierrors}: one line
 * ({@code GET /users/7 -> 404 user_not_found: No user has id 7. request_id=...}) at the level of its status (the
 * real status of a concealed error), with the stack trace when the policy says so, and the code and status as
 * key-value pairs for structured logging ({@code error.code}, {@code http.response.status_code}); the request id
 * is in the MDC while the line is written. Text from the client is escaped (CWE-117).
 */
public final class ErrorLogger {

	private static final Logger logger = LoggerFactory.getLogger("dev.apierrors");

	private final ErrorLogPolicy policy;

	private final boolean exceptionAsKeyValues;

	/**
	 * Create a logger that follows the given policy.
	 * @param policy the level and stack-trace choice per status
	 */
	public ErrorLogger(ErrorLogPolicy policy) {
		this(policy, false);
	}

	/**
	 * Create a logger that follows the given policy, and that can write the exception as the key-value pairs
	 * {@code error.type}, {@code error.message} and {@code error.stack_trace} instead of attaching it to the
	 * event: Spring Boot's Elastic Common Schema format writes an attached exception as an {@code error} object,
	 * which would collide with the {@code error} object that nests {@code error.code}, and the line would be lost;
	 * as key-value pairs all four nest into one ECS {@code error} object.
	 * @param policy the level and stack-trace choice per status
	 * @param exceptionAsKeyValues whether the exception is written as key-value pairs (for ECS logging)
	 */
	public ErrorLogger(ErrorLogPolicy policy, boolean exceptionAsKeyValues) {
		this.policy = policy;
		this.exceptionAsKeyValues = exceptionAsKeyValues;
	}

	/**
	 * Return the policy.
	 * @return the policy
	 */
	public ErrorLogPolicy policy() {
		return this.policy;
	}

	/**
	 * Log the error unless its exchange already logged one.
	 * @param error the error being answered
	 * @param exchange the exchange
	 */
	public void log(ResolvedError error, ErrorExchange exchange) {
		if (exchange.markLogged()) {
			write(error, exchange, null);
		}
	}

	/**
	 * Log an error that could not be answered, because the response was already committed, unless its exchange
	 * already logged one.
	 * @param error the error
	 * @param exchange the exchange
	 * @param note why it was not answered
	 */
	public void logUnanswered(ResolvedError error, ErrorExchange exchange, String note) {
		if (exchange.markLogged()) {
			write(error, exchange, note);
		}
	}

	private void write(ResolvedError error, ErrorExchange exchange, @Nullable String note) {
		int status = error.getLogStatus();
		Level level = this.policy.level(status);
		if (level == null || !logger.isEnabledForLevel(level)) {
			return;
		}
		String requestId = exchange.requestId();
		StringBuilder line = new StringBuilder(160);
		line.append(exchange.method()).append(' ');
		SafeText.appendEscaped(line, exchange.path(), 300);
		line.append(" -> ").append(error.getStatus()).append(' ').append(error.getCode()).append(": ");
		SafeText.appendEscaped(line, error.getMessage(), 500);
		if (error.getLogDetail() != null) {
			line.append(" (");
			SafeText.appendEscaped(line, error.getLogDetail(), 500);
			line.append(')');
		}
		if (note != null) {
			line.append(" [").append(note).append(']');
		}
		line.append(" request_id=").append(requestId);
		LoggingEventBuilder event = logger.atLevel(level)
			.addKeyValue("error.code", error.getCode())
			.addKeyValue("http.response.status_code", error.getStatus());
		Throwable exception = error.getException();
		CauseChain chain = error.getCauseChain();
		if (exception != null && chain != null) {
			if (this.policy.stackTrace(status)) {
				Throwable loggable = LogSafeThrowable.of(chain);
				if (this.exceptionAsKeyValues) {
					StringWriter trace = new StringWriter();
					loggable.printStackTrace(new PrintWriter(trace));
					event = event.addKeyValue("error.type", exception.getClass().getName())
						.addKeyValue("error.message", String.valueOf(loggable.getMessage()))
						.addKeyValue("error.stack_trace", trace.toString());
				}
				else {
					event = event.setCause(loggable);
				}
			}
			else if (error.isUnexpected()) {
				line.append(" exception=").append(exception.getClass().getName());
			}
		}
		String previous = MDC.get(RequestIds.MDC_KEY);
		if (previous == null) {
			MDC.put(RequestIds.MDC_KEY, requestId);
		}
		try {
			event.log(line.toString());
		}
		finally {
			if (previous == null) {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
	}

}
