package dev.apierrors.reactive;

import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Makes Boot's reactive ProblemDetails handler ({@code spring.webflux.problemdetails.enabled=true}) back off, which
 * it does when any {@link ResponseEntityExceptionHandler} bean exists, so that no second error format appears.
 * It is not a {@code @ControllerAdvice}: it handles nothing, the starter answers those errors itself.
 */
public final class ProblemDetailsHandlerBackOff extends ResponseEntityExceptionHandler {

	/**
	 * Create an instance.
	 */
	public ProblemDetailsHandlerBackOff() {
	}

}
