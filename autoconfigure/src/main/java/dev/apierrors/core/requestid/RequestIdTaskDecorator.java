package dev.apierrors.core.requestid;

import org.slf4j.MDC;

import org.springframework.core.task.TaskDecorator;

/**
 * Carries the request id of the submitting thread into tasks run by an executor, such as {@code @Async} methods
 * on Boot's {@code applicationTaskExecutor}: the id is in the MDC while the task runs and the worker's previous
 * value is restored afterwards. Tasks submitted outside a request are left as they are.
 */
public final class RequestIdTaskDecorator implements TaskDecorator {

	/**
	 * Create an instance.
	 */
	public RequestIdTaskDecorator() {
	}

	@Override
	public Runnable decorate(Runnable runnable) {
		String id = MDC.get(RequestIds.MDC_KEY);
		if (id == null) {
			return runnable;
		}
		return () -> {
			String previous = MDC.get(RequestIds.MDC_KEY);
			MDC.put(RequestIds.MDC_KEY, id);
			try {
				runnable.run();
			}
			finally {
				if (previous != null) {
					MDC.put(RequestIds.MDC_KEY, previous);
				}
				else {
					MDC.remove(RequestIds.MDC_KEY);
				}
			}
		};
	}

}
