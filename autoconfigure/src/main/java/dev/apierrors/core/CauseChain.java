package dev.apierrors.core;

import org.jspecify.annotations.Nullable;

/**
 * An exception and its causes, walked once per error and at most {@value #MAX_DEPTH} deep, so that a chain that
 * loops back on itself or is absurdly deep can never make the starter, Spring's resolvers or the logging system
 * spin, recurse out of stack or run out of memory.
 */
public final class CauseChain {

	/** The deepest chain walked; real chains are a handful of causes deep. */
	public static final int MAX_DEPTH = 64;

	private final Throwable[] exceptions;

	private final int size;

	private final boolean bounded;

	private CauseChain(Throwable[] exceptions, int size, boolean bounded) {
		this.exceptions = exceptions;
		this.size = size;
		this.bounded = bounded;
	}

	/**
	 * Walk the causes of the given exception.
	 * @param exception the outermost exception
	 * @return its chain
	 */
	public static CauseChain of(Throwable exception) {
		Throwable cause = causeOf(exception);
		if (cause == null) {
			return new CauseChain(new Throwable[] { exception }, 1, true);
		}
		Throwable[] exceptions = new Throwable[MAX_DEPTH];
		exceptions[0] = exception;
		int size = 1;
		Throwable current = cause;
		while (current != null) {
			if (size == MAX_DEPTH || contains(exceptions, size, current)) {
				return new CauseChain(exceptions, size, false);
			}
			exceptions[size++] = current;
			current = causeOf(current);
		}
		return new CauseChain(exceptions, size, true);
	}

	private static @Nullable Throwable causeOf(Throwable exception) {
		try {
			Throwable cause = exception.getCause();
			return (cause != exception) ? cause : null;
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
	}

	private static boolean contains(Throwable[] exceptions, int size, Throwable candidate) {
		for (int i = 0; i < size; i++) {
			if (exceptions[i] == candidate) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the outermost exception.
	 * @return the exception the chain starts with
	 */
	public Throwable outermost() {
		return this.exceptions[0];
	}

	/**
	 * Return the number of exceptions walked.
	 * @return at least one, at most {@value #MAX_DEPTH}
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Return one exception of the chain.
	 * @param index 0 for the outermost exception, 1 for its cause, and so on
	 * @return the exception
	 */
	public Throwable get(int index) {
		if (index < 0 || index >= this.size) {
			throw new IndexOutOfBoundsException(index);
		}
		return this.exceptions[index];
	}

	/**
	 * Return whether the chain ends within {@value #MAX_DEPTH} exceptions, which also rules out cycles.
	 * @return whether the chain is bounded
	 */
	public boolean isBounded() {
		return this.bounded;
	}

	/**
	 * Return whether every exception of the chain can describe itself: {@code getMessage()} and
	 * {@code toString()} return rather than throw. Frameworks that log or inspect exceptions fail on a chain that
	 * cannot.
	 * @return whether every message can be read
	 */
	public boolean isDescribable() {
		for (int i = 0; i < this.size; i++) {
			try {
				this.exceptions[i].getMessage();
				this.exceptions[i].toString();
			}
			catch (RuntimeException | LinkageError ex) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the first exception of the chain that is an instance of the given type.
	 * @param <T> the type
	 * @param type the type to look for
	 * @return the exception, or {@code null}
	 */
	public <T> @Nullable T find(Class<T> type) {
		for (int i = 0; i < this.size; i++) {
			if (type.isInstance(this.exceptions[i])) {
				return type.cast(this.exceptions[i]);
			}
		}
		return null;
	}

	/**
	 * Return whether an exception of the chain, the outermost included, is a timeout: a JDK
	 * {@code SocketTimeoutException}, {@code HttpTimeoutException} or {@code TimeoutException}, or a class named
	 * {@code ...TimeoutException} such as Netty's {@code ReadTimeoutException}, matched by name since the
	 * connector libraries are optional.
	 * @return whether the failure is a timeout
	 */
	public boolean isTimeout() {
		for (int i = 0; i < this.size; i++) {
			Throwable exception = this.exceptions[i];
			if (exception instanceof java.net.SocketTimeoutException
					|| exception instanceof java.net.http.HttpTimeoutException
					|| exception instanceof java.util.concurrent.TimeoutException
					|| exception.getClass().getName().endsWith("TimeoutException")) {
				return true;
			}
		}
		return false;
	}

}
