package dev.apierrors.servlet;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The last line of defence, placed ahead of Spring Security: answers exceptions that escape any filter or
 * servlet with the uniform body (while the request id is still in the MDC), answers the container's error
 * dispatch ({@code sendError}, Security's default handlers) itself so that security rules on {@code /error}
 * cannot turn errors into empty 401s, gives the uniform body to an error status that was set without any body,
 * and makes sure that a 401 carries a challenge and a 429 or 503 a {@code Retry-After} whoever set the status.
 */
public class ErrorResponseFilter implements Filter, Ordered {

	/**
	 * Order of the filter: right after the {@link RequestIdFilter} and well before Spring Security (-100) and
	 * any CORS filter, so that their responses are covered.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final ApiErrorResolver resolver;

	private final ApiErrorRenderer renderer;

	private final boolean answerErrorDispatch;

	private final String requestIdHeader;

	private final String defaultChallenge;

	private final String tooManyRequestsSeconds;

	private final String serviceUnavailableSeconds;

	/**
	 * Create the filter.
	 * @param resolver resolves exceptions and statuses
	 * @param renderer writes the responses; its request id header and default challenge are used here too
	 * @param answerErrorDispatch whether to answer the container's error dispatch here rather than leave it to an
	 * application's own error controller
	 * @param retryAfter the delays added to a 429 or 503 that has none
	 */
	public ErrorResponseFilter(ApiErrorResolver resolver, ApiErrorRenderer renderer, boolean answerErrorDispatch,
			RetryAfterPolicy retryAfter) {
		this.resolver = resolver;
		this.renderer = renderer;
		this.answerErrorDispatch = answerErrorDispatch;
		this.requestIdHeader = renderer.getRequestIdHeader();
		this.defaultChallenge = renderer.defaultChallenge();
		this.tooManyRequestsSeconds = Long.toString(retryAfter.seconds(429, null));
		this.serviceUnavailableSeconds = Long.toString(retryAfter.seconds(503, null));
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
		if (request.getDispatcherType() == DispatcherType.INCLUDE) {
			// The container includes its error page into a response that failed after it was committed; the
			// failure is already logged and the response about to be aborted, so there is nothing to add.
			if (!response.isCommitted() || request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
				chain.doFilter(request, response);
			}
			return;
		}
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			if (this.answerErrorDispatch) {
				answerErrorDispatch(request, response);
				return;
			}
			HeaderGuarantees guarded = new HeaderGuarantees(request, response);
			guarded.guarantee(response.getStatus());
			chain.doFilter(request, guarded);
			return;
		}
		HeaderGuarantees guarded = new HeaderGuarantees(request, response);
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
			this.renderer.render(request, response, this.resolver.resolve(ex));
			return;
		}
		if (this.answerErrorDispatch && guarded.isErrorWithoutBody() && !request.isAsyncStarted()
				&& !response.isCommitted()) {
			// An error status set without a body (an entry point's setStatus(401), ResponseEntity.status(404).build()):
			// give it the uniform body too.
			this.renderer.render(request, response, this.resolver.resolve(response.getStatus()));
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
		this.renderer.render(request, response, this.resolver.resolve(ex));
		CommittedResponses.abort(ex);
	}

	private void answerErrorDispatch(HttpServletRequest request, HttpServletResponse response) {
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : response.getStatus();
		this.renderer.render(request, response, this.resolver.resolve(status, exception));
	}

	/**
	 * Adds a missing challenge to a 401 and a missing {@code Retry-After} to a 429 or 503 at the moment the status
	 * is set; a value the application adds afterwards replaces the default rather than joining it. Also puts the
	 * request id header back after a {@link #reset()}.
	 */
	private final class HeaderGuarantees extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		private boolean defaultChallengeAdded;

		private boolean defaultRetryAfterAdded;

		private boolean bodyDecided;

		HeaderGuarantees(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public void setStatus(int status) {
			guarantee(status);
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			guarantee(status);
			this.bodyDecided = true;
			super.sendError(status);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			guarantee(status);
			this.bodyDecided = true;
			super.sendError(status, message);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			this.bodyDecided = true;
			super.sendRedirect(location);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.bodyDecided = true;
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			this.bodyDecided = true;
			return super.getWriter();
		}

		@Override
		public void setContentType(String type) {
			this.bodyDecided = true;
			super.setContentType(type);
		}

		@Override
		public void setContentLength(int length) {
			this.bodyDecided = true;
			super.setContentLength(length);
		}

		@Override
		public void setContentLengthLong(long length) {
			this.bodyDecided = true;
			super.setContentLengthLong(length);
		}

		@Override
		public void flushBuffer() throws IOException {
			this.bodyDecided = true;
			super.flushBuffer();
		}

		/**
		 * Return whether the response has an error status and nobody wrote, typed or sized a body for it.
		 */
		boolean isErrorWithoutBody() {
			int status = getStatus();
			return !this.bodyDecided && status >= 400 && status < 600;
		}

		@Override
		public void setHeader(String name, String value) {
			replacing(name);
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			replacing(name);
			super.addHeader(name, value);
		}

		@Override
		public void setIntHeader(String name, int value) {
			replacing(name);
			super.setIntHeader(name, value);
		}

		@Override
		public void addIntHeader(String name, int value) {
			replacing(name);
			super.addIntHeader(name, value);
		}

		@Override
		public void setDateHeader(String name, long date) {
			replacing(name);
			super.setDateHeader(name, date);
		}

		@Override
		public void addDateHeader(String name, long date) {
			replacing(name);
			super.addDateHeader(name, date);
		}

		@Override
		public void reset() {
			super.reset();
			this.bodyDecided = false;
			this.defaultChallengeAdded = false;
			this.defaultRetryAfterAdded = false;
			Object id = this.request.getAttribute(RequestIds.ATTRIBUTE);
			if (id instanceof String value) {
				super.setHeader(ErrorResponseFilter.this.requestIdHeader, value);
			}
		}

		void guarantee(int status) {
			if (status == 401) {
				if (addIfMissing(HttpHeaders.WWW_AUTHENTICATE, ErrorResponseFilter.this.defaultChallenge)) {
					this.defaultChallengeAdded = true;
				}
			}
			else if (status == 429 || status == 503) {
				String seconds = (status == 429) ? ErrorResponseFilter.this.tooManyRequestsSeconds
						: ErrorResponseFilter.this.serviceUnavailableSeconds;
				if (addIfMissing(HttpHeaders.RETRY_AFTER, seconds)) {
					this.defaultRetryAfterAdded = true;
				}
			}
		}

		private boolean addIfMissing(String name, String value) {
			if (isCommitted() || containsHeader(name)) {
				return false;
			}
			super.setHeader(name, value);
			return true;
		}

		/**
		 * Drop a default this wrapper added when the application sets the same header itself.
		 */
		private void replacing(String name) {
			if (this.defaultChallengeAdded && HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
				this.defaultChallengeAdded = false;
				super.setHeader(HttpHeaders.WWW_AUTHENTICATE, null);
			}
			else if (this.defaultRetryAfterAdded && HttpHeaders.RETRY_AFTER.equalsIgnoreCase(name)) {
				this.defaultRetryAfterAdded = false;
				super.setHeader(HttpHeaders.RETRY_AFTER, null);
			}
		}

	}

}
