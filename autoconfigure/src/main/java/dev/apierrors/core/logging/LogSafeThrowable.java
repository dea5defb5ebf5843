package dev.apierrors.core.logging;

import org.jspecify.annotations.Nullable;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.SafeText;

/**
 * A copy of an exception chain that is safe to hand to the logging system, used only when the original is not:
 * a chain that loops or runs deeper than {@link CauseChain#MAX_DEPTH}, a {@code getMessage()} that throws, or a
 * message holding line breaks or other control characters, which would let its text forge log lines (CWE-117).
 * Each copy keeps the original's stack trace and names its class in the message.
 */
final class LogSafeThrowable extends RuntimeException {

	private LogSafeThrowable(String message, StackTraceElement[] stackTrace, @Nullable Throwable cause) {
		super(message, cause, false, true);
		setStackTrace(stackTrace);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	/**
	 * Return the exception itself when its chain is safe to log, otherwise a safe copy of the chain.
	 */
	static Throwable of(CauseChain chain) {
		boolean safe = chain.isBounded();
		for (int i = 0; safe && i < chain.size(); i++) {
			safe = isSafe(chain.get(i));
		}
		if (safe) {
			return chain.outermost();
		}
		Throwable copy = chain.isBounded() ? null : new LogSafeThrowable(
				"[cause chain cut after " + chain.size() + " causes: it loops or runs too deep]",
				new StackTraceElement[0], null);
		for (int i = chain.size() - 1; i >= 0; i--) {
			Throwable original = chain.get(i);
			StringBuilder message = new StringBuilder(original.getClass().getName());
			String text = message(original);
			if (text != null) {
				message.append(": ");
				SafeText.appendEscaped(message, text, 2000);
			}
			copy = new LogSafeThrowable(message.toString(), original.getStackTrace(), copy);
		}
		return copy;
	}

	private static boolean isSafe(Throwable throwable) {
		String message;
		try {
			message = throwable.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
		return message == null || !SafeText.hasControl(message);
	}

	private static @Nullable String message(Throwable throwable) {
		try {
			return throwable.getMessage();
		}
		catch (RuntimeException | LinkageError ex) {
			return "[getMessage() failed: " + ex.getClass().getName() + "]";
		}
	}

}
