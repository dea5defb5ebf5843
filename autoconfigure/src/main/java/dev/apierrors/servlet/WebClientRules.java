package dev.apierrors.servlet;

import java.util.Map;

import dev.apierrors.servlet.ApiErrorResolver.Rule;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Rules for the failures of Spring's {@code WebClient} used from a servlet application: an upstream 5xx is a 502,
 * a request that timed out a 504 and any other I/O failure a 502; loaded only when Spring WebFlux is present.
 */
final class WebClientRules {

	/** Bounds the walk through the causes, which may be long or cyclic. */
	private static final int MAX_CAUSES = 16;

	private WebClientRules() {
	}

	static void register(Map<Class<?>, Rule> rules, BuiltInRules builtIns) {
		rules.put(WebClientResponseException.class, (ex) -> builtIns
			.upstreamResponse(((WebClientResponseException) ex).getStatusCode().is5xxServerError(), ex));
		rules.put(WebClientRequestException.class, (ex) -> builtIns.byStatus(isTimeout(ex) ? 504 : 502, ex));
	}

	/**
	 * Tell whether a cause is a timeout: a JDK {@code SocketTimeoutException}, {@code HttpTimeoutException} or
	 * {@code TimeoutException}, or a class named {@code ...TimeoutException} such as Netty's
	 * {@code ReadTimeoutException}, matched by name since the connector libraries are optional.
	 */
	static boolean isTimeout(Throwable ex) {
		Throwable cause = ex.getCause();
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++) {
			if (cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.http.HttpTimeoutException
					|| cause instanceof java.util.concurrent.TimeoutException
					|| cause.getClass().getName().endsWith("TimeoutException")) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

}
