package dev.apierrors;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatusCode;

/**
 * Decides whether a typed exception captures its stack trace: server errors (5xx) always do; expected client
 * errors (4xx) skip the cost unless an owner, such as an application context whose logging prints 4xx stack
 * traces, requires them.
 */
final class StackTraces {

	private static final Set<Object> owners = ConcurrentHashMap.newKeySet();

	private static volatile boolean captureForClientErrors;

	private StackTraces() {
	}

	static boolean capture(HttpStatusCode status) {
		return !status.is4xxClientError() || captureForClientErrors;
	}

	static void require(Object owner) {
		synchronized (owners) {
			owners.add(owner);
			captureForClientErrors = true;
		}
	}

	static void release(Object owner) {
		synchronized (owners) {
			owners.remove(owner);
			captureForClientErrors = !owners.isEmpty();
		}
	}

}
