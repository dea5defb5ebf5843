package dev.apierrors.servlet;

/**
 * Bounds every walk along an exception's causes: a chain that loops back on itself, or is absurdly deep, must
 * never make the starter, Spring MVC's resolvers or the logging system spin, recurse out of stack or run out of
 * memory.
 */
final class CauseChains {

	/** The deepest chain walked; real chains are a handful of causes deep. */
	static final int MAX_DEPTH = 64;

	private CauseChains() {
	}

	/**
	 * Return whether the chain of causes ends within {@link #MAX_DEPTH} steps, which also rules out cycles.
	 */
	static boolean isBounded(Throwable exception) {
		Throwable current = exception;
		for (int depth = 0; depth < MAX_DEPTH; depth++) {
			Throwable cause = current.getCause();
			if (cause == null || cause == current) {
				return true;
			}
			current = cause;
		}
		return false;
	}

}
