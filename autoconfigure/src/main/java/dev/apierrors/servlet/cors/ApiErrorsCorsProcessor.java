package dev.apierrors.servlet.cors;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS processing with one change: a rejected request (a disallowed origin, method or header) is
 * answered with a 403 and the uniform body instead of the plain text {@code Invalid CORS request}.
 */
public final class ApiErrorsCorsProcessor extends DefaultCorsProcessor {

	private static final String MESSAGE = "This cross-origin request is not allowed.";

	private final Supplier<ServletErrorWriter> writer;

	/**
	 * Create a processor.
	 * @param writer supplies the writer of rejections, looked up when first needed
	 */
	public ApiErrorsCorsProcessor(Supplier<ServletErrorWriter> writer) {
		this.writer = writer;
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
			ServletErrorWriter writer = this.writer.get();
			writer.write(aware.request, (HttpServletResponse) aware.getResponse(),
					ResolvedError.builder(403, writer.resolver().catalog().code(403), MESSAGE).build());
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
