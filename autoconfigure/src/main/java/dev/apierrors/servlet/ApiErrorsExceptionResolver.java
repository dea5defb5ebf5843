package dev.apierrors.servlet;

import java.util.function.Predicate;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorDetails;
import dev.apierrors.servlet.ApplicationHandlers.Match;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers exceptions from Spring MVC handlers before Spring's own resolvers, with these rules:
 * <ul>
 * <li>an {@code @ExceptionHandler} of the application declared for the exception's type (in the controller or an
 * advice) wins: the exception is left to Spring MVC;</li>
 * <li>exceptions the starter knows (typed, mapped, annotated, framework 4xx) are answered here even when the
 * application has a catch-all handler for {@code Exception}, so that it cannot turn them into 500s;</li>
 * <li>Spring Security's exceptions are passed on to Security's filters, which decide between 401 and 403;</li>
 * <li>anything else goes to the application's catch-all when it has one, otherwise it is answered here as an
 * unexpected 500;</li>
 * <li>an exception whose cause chain loops or runs deeper than any real one is answered here, and a failure after
 * the response was committed is logged once and the response aborted.</li>
 * </ul>
 */
public class ApiErrorsExceptionResolver implements HandlerExceptionResolver, Ordered {

	/** Order: right after Boot's {@code DefaultErrorAttributes}, before Spring MVC's resolvers (order 0). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	private final ApiErrorResolver resolver;

	private final ApiErrorRenderer renderer;

	private final ApplicationHandlers handlers;

	private final Predicate<Throwable> passToSecurity;

	private final boolean answerBeforeCatchAll;

	/**
	 * Create the resolver.
	 * @param resolver resolves exceptions
	 * @param renderer writes the responses
	 * @param context the context whose {@code @ControllerAdvice} beans are consulted
	 * @param passToSecurity which exceptions Spring Security's filters should handle
	 * @param answerBeforeCatchAll whether known errors are answered before the application's catch-all handlers
	 */
	public ApiErrorsExceptionResolver(ApiErrorResolver resolver, ApiErrorRenderer renderer, ApplicationContext context,
			Predicate<Throwable> passToSecurity, boolean answerBeforeCatchAll) {
		this.resolver = resolver;
		this.renderer = renderer;
		this.handlers = new ApplicationHandlers(context);
		this.passToSecurity = passToSecurity;
		this.answerBeforeCatchAll = answerBeforeCatchAll;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception exception) {
		if (response.isCommitted()) {
			if (DisconnectedClientHelper.isClientDisconnectedException(exception)) {
				return null;
			}
			// Logged once here; thrown on so that no other resolver writes into the committed response and the
			// ErrorResponseFilter aborts it.
			this.renderer.render(request, response, this.resolver.resolve(exception));
			throw new CommittedResponses.Failure(exception);
		}
		Exception ex = timedOut(request, exception);
		if (!CauseChains.isBounded(ex)) {
			// Spring MVC's own resolvers would loop or recurse along such a chain: answer it here.
			this.renderer.render(request, response, this.resolver.resolve(ex));
			return new ModelAndView();
		}
		Match match = this.handlers.match(handler, ex);
		if (match == Match.SPECIFIC || (match == Match.CATCH_ALL && !this.answerBeforeCatchAll)) {
			return null;
		}
		if (this.passToSecurity.test(ex)) {
			if (match == Match.CATCH_ALL && ex instanceof RuntimeException runtime) {
				// Rethrown so that the application's catch-all cannot turn a 401/403 into a 500.
				throw runtime;
			}
			return null;
		}
		ApiErrorDetails details = this.resolver.resolve(ex);
		if (details.isUnexpected() && match == Match.CATCH_ALL) {
			return null;
		}
		this.renderer.render(request, response, details);
		return new ModelAndView();
	}

	/**
	 * Return the timeout a {@code Callable} interrupted by an async request timeout stands for: Spring MVC
	 * cancels the task before it records the timeout, so the interrupted task's own result can win the race.
	 */
	private static Exception timedOut(HttpServletRequest request, Exception ex) {
		if (ex instanceof InterruptedException && request.getDispatcherType() == DispatcherType.ASYNC) {
			return new AsyncRequestTimeoutException();
		}
		return ex;
	}

}
