package dev.apierrors.servlet;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorDetails;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS processing with one change: a rejected request (a disallowed origin, method or header) is
 * answered with a 403 and the uniform body instead of the plain text {@code Invalid CORS request}.
 */
public class ApiErrorsCorsProcessor extends DefaultCorsProcessor {

	private static final String MESSAGE = "This cross-origin request is not allowed.";

	private final Supplier<ApiErrorRenderer> renderer;

	/**
	 * Create a processor.
	 * @param renderer supplies the renderer that writes rejections, looked up when first needed
	 */
	public ApiErrorsCorsProcessor(Supplier<ApiErrorRenderer> renderer) {
		this.renderer = renderer;
	}

	@Override
	public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		return super.processRequest(config, request,
				(config != null) ? new RequestAwareResponse(request, response) : response);
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		if (response instanceof ServletServerHttpResponse servlet
				&& servlet.getServletResponse() instanceof RequestAwareResponse aware) {
			this.renderer.get()
				.render(aware.request, (HttpServletResponse) aware.getResponse(),
						ApiErrorDetails.builder(403, "forbidden", MESSAGE).build());
			return;
		}
		super.rejectRequest(response);
	}

	/**
	 * Carries the request to {@link #rejectRequest}, which Spring only hands the response.
	 */
	private static final class RequestAwareResponse extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		RequestAwareResponse(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

	}

}
