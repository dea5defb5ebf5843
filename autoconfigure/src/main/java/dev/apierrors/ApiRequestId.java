package dev.apierrors;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Where application code finds the id of the request being handled: the SLF4J MDC of every thread that works on
 * the request (Spring MVC, {@code @Async} tasks, WebFlux with context propagation), the request or exchange
 * attribute, and the Reactor {@code Context} of a WebFlux request.
 */
public final class ApiRequestId {

	/** Key of the request id in the SLF4J MDC. */
	public static final String MDC_KEY = "request_id";

	/** Name of the servlet request or {@code ServerWebExchange} attribute that holds the request id. */
	public static final String ATTRIBUTE = "dev.apierrors.requestId";

	/** Key of the request id in the Reactor {@code Context} of a WebFlux request. */
	public static final String CONTEXT_KEY = "dev.apierrors.requestId";

	private ApiRequestId() {
	}

	/**
	 * Return the id of the request the current thread works on, from the MDC.
	 * @return the request id, or {@code null} outside a request
	 */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

}
