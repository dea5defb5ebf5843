package dev.apierrors.servlet;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import dev.apierrors.core.requestid.RequestIds;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;

/**
 * Carries the request id into the thread that runs a Spring MVC {@code Callable} or {@code WebAsyncTask}: the
 * id is in the MDC while the task runs and removed afterwards.
 *
 * <p>Also settles a race in Spring MVC's timeout handling: on a timeout the task is cancelled with an interrupt,
 * and a task that ends with the resulting {@link InterruptedException} may report it before the timeout is
 * reported. Since Spring MVC only interrupts a task that it gives up on, that exception is answered as the
 * timeout it stands for (503 with {@code Retry-After}) rather than as an unexpected failure.
 */
public final class RequestIdCallableInterceptor implements CallableProcessingInterceptor {

	/**
	 * Create an instance.
	 */
	public RequestIdCallableInterceptor() {
	}

	private static final String PUT_BY_INTERCEPTOR = RequestIdCallableInterceptor.class.getName() + ".put";

	@Override
	public <T> void preProcess(NativeWebRequest request, Callable<T> task) {
		Object id = request.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (id instanceof String value && !value.equals(MDC.get(RequestIds.MDC_KEY))) {
			MDC.put(RequestIds.MDC_KEY, value);
			request.setAttribute(PUT_BY_INTERCEPTOR, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public <T> void postProcess(NativeWebRequest request, Callable<T> task, @Nullable Object concurrentResult) {
		if (request.getAttribute(PUT_BY_INTERCEPTOR, RequestAttributes.SCOPE_REQUEST) != null) {
			request.removeAttribute(PUT_BY_INTERCEPTOR, RequestAttributes.SCOPE_REQUEST);
			MDC.remove(RequestIds.MDC_KEY);
		}
		if (concurrentResult instanceof InterruptedException) {
			throw new AsyncRequestTimeoutException();
		}
	}

}
