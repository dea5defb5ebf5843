package dev.apierrors.reactive.filter;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import dev.apierrors.ApiRequestId;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * Lets Micrometer's context propagation copy the request id from the Reactor {@code Context}
 * ({@link ApiRequestId#CONTEXT_KEY}) into the SLF4J MDC ({@link ApiRequestId#MDC_KEY}) of the thread that runs an
 * operator of the exchange, and remove it afterwards, so that every log line written for the exchange carries it
 * and none stays behind on an event-loop thread.
 */
public final class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

	/**
	 * Create an instance.
	 */
	public RequestIdThreadLocalAccessor() {
	}

	/**
	 * Register the accessor with the global {@link ContextRegistry}, replacing an earlier registration.
	 */
	public static void register() {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new RequestIdThreadLocalAccessor());
	}

	@Override
	public Object key() {
		return ApiRequestId.CONTEXT_KEY;
	}

	@Override
	public @Nullable String getValue() {
		return MDC.get(ApiRequestId.MDC_KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(ApiRequestId.MDC_KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(ApiRequestId.MDC_KEY);
	}

}
