package dev.apierrors;

import org.springframework.http.HttpStatusCode;

/**
 * Decides whether a typed exception captures its stack trace: expected client errors (4xx) skip the cost
 * unless configured otherwise, server errors always capture.
 */
final class StackTraces {

	private static volatile boolean captureForClientErrors;

	private StackTraces() {
	}

	static boolean capture(HttpStatusCode status) {
		return status == null || !status.is4xxClientError() || captureForClientErrors;
	}

	static void setCaptureForClientErrors(boolean capture) {
		captureForClientErrors = capture;
	}

}
