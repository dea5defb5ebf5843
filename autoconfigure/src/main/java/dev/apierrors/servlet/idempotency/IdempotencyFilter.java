package dev.apierrors.servlet.idempotency;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.apierrors.idempotency.IdempotencyKeys;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Prepares the {@code POST} and {@code PATCH} requests that carry an {@code Idempotency-Key}: their body can be
 * read once more to be fingerprinted, and their response is held while the {@link IdempotencyInterceptor}
 * executes them under their key, so that it is stored before the client sees it (a retry sent as soon as the
 * response arrives is replayed, never executed again). A request that fails releases its key. Other requests
 * pass untouched.
 */
public final class IdempotencyFilter extends OncePerRequestFilter implements Ordered {

	/**
	 * Create an instance.
	 */
	public IdempotencyFilter() {
	}

	/**
	 * Order of the filter: after Spring Security (-100), so that requests it turns away are never held, and
	 * before the filters of the application that wrap requests (up to 0).
	 */
	public static final int ORDER = -90;

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Return whether a request can take an idempotency key: a {@code POST} or {@code PATCH}.
	 * @param request the request
	 * @return whether its method takes keys
	 */
	public static boolean takesKeys(HttpServletRequest request) {
		String method = request.getMethod();
		return "POST".equals(method) || "PATCH".equals(method);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !takesKeys(request) || request.getHeader(IdempotencyKeys.HEADER) == null;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isAsyncDispatch(request)) {
			// The request and response are those the async processing started with: ours, maybe wrapped again.
			CapturingResponse capture = WebUtils.getNativeResponse(response, CapturingResponse.class);
			proceed(request, response, chain, capture);
			return;
		}
		CapturingResponse capture = new CapturingResponse(response);
		proceed(new CachedBodyRequest(request), capture, chain, capture);
	}

	private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			@Nullable CapturingResponse capture) throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			if (capture != null) {
				capture.fail("the request failed with " + ex.getClass().getName());
			}
			throw ex;
		}
		if (capture == null) {
			return;
		}
		if (isAsyncStarted(request)) {
			if (capture.isCapturing() && !isAsyncDispatch(request)) {
				request.getAsyncContext().addListener(new ReleaseOnAbandon(capture));
			}
			return;
		}
		capture.complete();
	}

	/**
	 * Releases the key of an async request that ends without a last dispatch through this filter (a timeout or an
	 * error the container handles itself, a client that went away).
	 */
	private static final class ReleaseOnAbandon implements AsyncListener {

		private final CapturingResponse capture;

		ReleaseOnAbandon(CapturingResponse capture) {
			this.capture = capture;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			this.capture.fail("the async request ended without a response");
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
