package dev.apierrors.servlet;

/**
 * The request attribute by which {@link ErrorLogger} logs an error once per request, cleared between
 * invocations so that every render takes the same path.
 */
final class ErrorLoggerAccess {

	static final String LOGGED = ErrorLogger.class.getName() + ".logged";

	private ErrorLoggerAccess() {
	}

}
