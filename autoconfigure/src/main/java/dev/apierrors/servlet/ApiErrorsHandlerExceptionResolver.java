package dev.apierrors.servlet;

import java.util.function.Predicate;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.servlet.ApplicationExceptionHandlers.Match;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers the exceptions of Spring MVC handlers that the starter knows, just before Spring MVC's own resolvers,
 * with these rules:
 * <ul>
 * <li>an {@code @ExceptionHandler} of the application declared for the exception's type (in the controller or an
 * advice, for the exception or a cause) wins: the exception is left to Spring MVC;</li>
 * <li>exceptions the starter knows (typed, mapped, annotated with {@code @ApiError} or {@code @ResponseStatus},
 * framework 4xx) are answered here even when the application has a catch-all handler for {@code Exception}, so
 * that it cannot turn them into 500s;</li>
 * <li>Spring Security's exceptions are passed on to Security's filters, which decide between 401 and 403;</li>
 * <li>an exception the starter does not know is left to the application's catch-all, Spring MVC's resolvers and
 * the application's own {@code HandlerExceptionResolver}s; only what none of them answers becomes the uniform
 * 500, written by the {@code ErrorBoundaryFilter} it reaches;</li>
 * <li>an exception carrying a status that is no error is left to Spring MVC;</li>
 * <li>an exception whose cause chain loops or runs deeper than any real one, or that cannot describe itself, is
 * answered here, a failure after the
 * response was committed is logged once and the response aborted, and a response Spring MVC declares unusable
 * (the client went away) gets nothing.</li>
 * </ul>
 */
public final class ApiErrorsHandlerExceptionResolver implements HandlerExceptionResolver, Ordered {

	/**
	 * Order: just before Spring MVC's resolvers (0), after Boot's {@code DefaultErrorAttributes}, so that an
	 * application resolver ordered before Spring MVC's still runs first.
	 */
	public static final int ORDER = -1;

	private static final Logger logger = LoggerFactory.getLogger(ApiErrorsHandlerExceptionResolver.class);

	private final ServletErrorWriter writer;

	private final ApplicationExceptionHandlers handlers;

	private final Predicate<Throwable> passToSecurity;

	private final boolean answerBeforeCatchAll;

	/**
	 * Create the resolver.
	 * @param writer writes the responses
	 * @param context the context whose {@code @ControllerAdvice} beans are consulted when a request has no
	 * {@code DispatcherServlet} context of its own
	 * @param passToSecurity which exceptions Spring Security's filters should handle
	 * @param answerBeforeCatchAll whether known errors are answered before the application's catch-all handlers
	 */
	public ApiErrorsHandlerExceptionResolver(ServletErrorWriter writer, ApplicationContext context,
			Predicate<Throwable> passToSecurity, boolean answerBeforeCatchAll) {
		this.writer = writer;
		this.handlers = new ApplicationExceptionHandlers(context);
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
		if (exception instanceof AsyncRequestNotUsableException) {
			logger.debug("The response cannot be used, the client has probably gone: {}", exception.toString());
			return new ModelAndView();
		}
		Exception ex = timedOut(request, exception);
		CauseChain chain = CauseChain.of(ex);
		if (response.isCommitted()) {
			if (DisconnectedClientHelper.isClientDisconnectedException(exception)) {
				return null;
			}
			// Logged once here; thrown on so that no other resolver (a catch-all included) writes into the committed
			// response and the ErrorBoundaryFilter aborts it.
			this.writer.logUnanswered(request, response, this.writer.resolver().resolve(chain));
			throw new CommittedResponses.Failure(exception);
		}
		if (!chain.isBounded()) {
			// Spring MVC's own resolvers would loop or recurse along such a chain: answer it here.
			this.writer.write(request, response, this.writer.resolver().resolve(chain));
			return new ModelAndView();
		}
		Match match = this.handlers.match(request, handler, chain);
		if (match == Match.SPECIFIC || (match == Match.CATCH_ALL && !this.answerBeforeCatchAll)) {
			return null;
		}
		ResolvedError error = this.writer.resolver().resolve(chain);
		if (error.isUnexpected() && !chain.isDescribable()) {
			// Spring MVC's resolvers would fail on an exception that cannot describe itself: answer it here.
			this.writer.write(request, response, error);
			return new ModelAndView();
		}
		if (error.isHandedBack() || error.isUnexpected()) {
			return null;
		}
		Throwable decisive = error.getDecisiveException();
		if (decisive != null && this.passToSecurity.test(decisive)) {
			if (match == Match.CATCH_ALL && ex instanceof RuntimeException runtime) {
				// Rethrown so that the application's catch-all cannot turn a 401/403 into a 500.
				throw runtime;
			}
			return null;
		}
		this.writer.write(request, response, error);
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
