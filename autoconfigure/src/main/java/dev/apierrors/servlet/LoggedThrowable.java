package dev.apierrors.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * A copy of an exception chain that is safe to hand to the logging system, used only when the original is not:
 * a chain that loops or runs deeper than {@link CauseChains#MAX_DEPTH}, a {@code getMessage()} that throws, or a
 * message holding line breaks or other control characters, which would let its text forge log lines (CWE-117).
 * Each copy keeps the original's stack trace and names its class in the message.
 */
final class LoggedThrowable extends RuntimeException {

	private LoggedThrowable(String message, StackTraceElement[] stackTrace, Throwable cause) {
		super(message, cause, false, true);
		setStackTrace(stackTrace);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	/**
	 * Return the exception itself when it is safe to log, otherwise a safe copy of its chain.
	 */
	static Throwable of(Throwable exception) {
		List<Throwable> chain = new ArrayList<>();
		boolean safe = true;
		Throwable current = exception;
		while (current != null) {
			if (chain.size() == CauseChains.MAX_DEPTH || contains(chain, current)) {
				safe = false;
				break;
			}
			chain.add(current);
			safe &= isSafe(current);
			Throwable cause = current.getCause();
			current = (cause != current) ? cause : null;
		}
		if (safe) {
			return exception;
		}
		Throwable copy = (current != null) ? new LoggedThrowable(
				"[cause chain cut after " + chain.size() + " causes: it loops or runs too deep]",
				new StackTraceElement[0], null) : null;
		for (int i = chain.size() - 1; i >= 0; i--) {
			Throwable original = chain.get(i);
			StringBuilder message = new StringBuilder(original.getClass().getName());
			String text = message(original);
			if (text != null) {
				message.append(": ");
				ErrorLogger.appendSafe(message, text, 2000);
			}
			copy = new LoggedThrowable(message.toString(), original.getStackTrace(), copy);
		}
		return copy;
	}

	private static boolean contains(List<Throwable> chain, Throwable candidate) {
		for (Throwable seen : chain) {
			if (seen == candidate) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSafe(Throwable throwable) {
		String message;
		try {
			message = throwable.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
		if (message == null) {
			return true;
		}
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7F || c == '\u2028' || c == '\u2029' || c == '\u0085') {
				return false;
			}
		}
		return true;
	}

	private static String message(Throwable throwable) {
		try {
			return throwable.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			return "[getMessage() failed: " + ex.getClass().getName() + "]";
		}
	}

}
