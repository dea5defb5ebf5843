package dev.apierrors.servlet.filter;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.servlet.CommittedResponses;
import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.core.Ordered;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The boundary no error passes without the uniform body, placed ahead of Spring Security: answers exceptions that
 * escape any filter or servlet (the uniform 500 for what nobody else answered), answers the container's error
 * dispatch ({@code sendError}, Security's default handlers) itself so that security rules on {@code /error}
 * cannot turn errors into empty 401s, gives the uniform body to an error status that was set without any body,
 * and makes sure that a 401 carries a challenge and a 429 or 503 a {@code Retry-After} whoever set the status.
 */
public final class ErrorBoundaryFilter implements Filter, Ordered {

	/**
	 * Order of the filter: right after the {@link RequestIdFilter} and well before Spring Security (-100) and
	 * any CORS filter, so that their responses are covered.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final ServletErrorWriter writer;

	private final HeaderPolicy headerPolicy;

	private final boolean answerErrorDispatch;

	/**
	 * Create the filter.
	 * @param writer writes the responses
	 * @param answerErrorDispatch whether to answer the container's error dispatch here rather than leave it to an
	 * application's own error controller
	 */
	public ErrorBoundaryFilter(ServletErrorWriter writer, boolean answerErrorDispatch) {
		this.writer = writer;
		this.headerPolicy = writer.renderer().headerPolicy();
		this.answerErrorDispatch = answerErrorDispatch;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		DispatcherType dispatcherType = request.getDispatcherType();
		if (dispatcherType == DispatcherType.INCLUDE) {
			// The container includes its error page into a response that failed after it was committed; the
			// failure is already logged and the response about to be aborted, so there is nothing to add.
			if (!response.isCommitted() || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
				chain.doFilter(request, response);
			}
			return;
		}
		if (dispatcherType == DispatcherType.ERROR) {
			if (this.answerErrorDispatch) {
				answerErrorDispatch(request, response);
				return;
			}
			HeaderDefaultsResponse guarded = new HeaderDefaultsResponse(request, response, this.headerPolicy);
			guarded.addDefaults(response.getStatus());
			chain.doFilter(request, guarded);
			return;
		}
		HeaderDefaultsResponse guarded = new HeaderDefaultsResponse(request, response, this.headerPolicy);
		try {
			chain.doFilter(request, guarded);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			if (response.isCommitted()) {
				abort(request, response, ex);
			}
			if (request.isAsyncStarted()) {
				throw ex;
			}
			this.writer.write(request, response, this.writer.resolveEscaped(ex));
			return;
		}
		if (this.answerErrorDispatch && guarded.isErrorWithoutBody() && !request.isAsyncStarted()
				&& !response.isCommitted()) {
			// An error status set without a body (an entry point's setStatus(401), ResponseEntity.status(404).build()):
			// give it the uniform body too.
			this.writer.write(request, response, this.writer.resolver().resolve(response.getStatus()));
		}
	}

	/**
	 * Log a failure after the response was committed (unless the exception resolver already did, or the client
	 * simply went away) and abort the response so that the client cannot take it for complete.
	 */
	private void abort(HttpServletRequest request, HttpServletResponse response, Throwable ex)
			throws IOException, ServletException {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			CommittedResponses.rethrow(ex);
		}
		Throwable failure = (ex instanceof CommittedResponses.Failure committed && committed.getCause() != null)
				? committed.getCause() : ex;
		this.writer.logUnanswered(request, response, this.writer.resolveEscaped(failure));
		CommittedResponses.abort(failure);
	}

	private void answerErrorDispatch(HttpServletRequest request, HttpServletResponse response) {
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : response.getStatus();
		if (!ErrorCatalog.isError(status)) {
			// sendError with a status that is no error: nothing to answer.
			return;
		}
		ResolvedError error = null;
		if (exception == null && status < 500) {
			error = ResponseStatusReasons.errorFor(request, status, this.writer.resolver().catalog());
		}
		if (error == null) {
			error = this.writer.resolver().resolve(status, unwrap(exception));
		}
		this.writer.write(request, response, error);
	}

	private static @Nullable Throwable unwrap(@Nullable Throwable exception) {
		return (exception instanceof CommittedResponses.Failure failure) ? failure.getCause() : exception;
	}

}
