package dev.apierrors.servlet;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.springframework.util.ClassUtils;

/**
 * Ends a response that failed after it was committed: the status and part of the body are already on the wire,
 * so the only honest signal left is to close the connection without completing the response. On Tomcat that is
 * {@code CloseNowException}, which Tomcat handles without logging the failure a second time; elsewhere the
 * failure is rethrown for the container to abort the response.
 */
public final class CommittedResponses {

	private static final boolean TOMCAT = ClassUtils.isPresent("org.apache.coyote.CloseNowException",
			CommittedResponses.class.getClassLoader());

	private CommittedResponses() {
	}

	/**
	 * Abort the response of a failure that happened after it was committed.
	 * @param failure the failure
	 * @throws IOException always, or the failure itself
	 * @throws ServletException the failure itself
	 */
	public static void abort(Throwable failure) throws IOException, ServletException {
		if (TOMCAT) {
			throw Tomcat.closeNow(failure);
		}
		rethrow(failure);
	}

	/**
	 * Rethrow a failure as what it is.
	 * @param failure the failure
	 * @throws IOException the failure, when it is one
	 * @throws ServletException the failure, when it is one
	 */
	public static void rethrow(Throwable failure) throws IOException, ServletException {
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof ServletException servlet) {
			throw servlet;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		throw (RuntimeException) failure;
	}

	/**
	 * Thrown from the exception resolver so that no other resolver (an application's catch-all included) writes
	 * into a response that is already committed; the filter turns it into an abort.
	 */
	public static final class Failure extends RuntimeException {

		Failure(Throwable cause) {
			super("Response already committed", cause, false, false);
		}

	}

	private static final class Tomcat {

		static IOException closeNow(Throwable failure) {
			return new org.apache.coyote.CloseNowException("Response failed after it was committed", failure);
		}

	}

}
