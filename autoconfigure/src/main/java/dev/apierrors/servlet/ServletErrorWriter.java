package dev.apierrors.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.observation.ErrorObservations;
import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.render.RenderedError;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.ErrorResolver;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes errors into servlet responses for every servlet origin (the exception resolver, the filters, the error
 * controller, Spring Security's handlers, CORS): resolves exceptions, has the core render the error, marks the
 * request's observation with the exception, and writes status, headers and body. A committed response is left
 * alone and the error only logged; a response whose writer was already opened gets the same body as ASCII
 * through that writer.
 */
public final class ServletErrorWriter {

	/**
	 * Request attribute holding the {@code WWW-Authenticate} challenge of the security mechanism that handles the
	 * request, as {@link dev.apierrors.core.ErrorExchange#challenge()} describes.
	 */
	public static final String CHALLENGE_ATTRIBUTE = ServletErrorWriter.class.getName() + ".challenge";

	/**
	 * Request attribute holding the lower-case names of the headers the starter added as defaults, which do not
	 * count as set by the application.
	 */
	public static final String DEFAULT_HEADERS_ATTRIBUTE = ServletErrorWriter.class.getName() + ".defaultHeaders";

	private static final Logger logger = LoggerFactory.getLogger(ServletErrorWriter.class);

	/** Where {@code ServerHttpObservationFilter} keeps the request's observation. */
	private static final String OBSERVATION_ATTRIBUTE = ServerHttpObservationFilter.class.getName() + ".observation";

	private final ErrorResolver resolver;

	private final ErrorRenderer renderer;

	private final RequestIds requestIds;

	private final Supplier<@Nullable LocaleResolver> localeResolvers;

	private volatile @Nullable LocaleResolver localeResolver;

	private volatile boolean localeResolverLooked;

	/**
	 * Create a writer.
	 * @param resolver resolves exceptions and statuses
	 * @param renderer renders errors
	 * @param requestIds the request id rules, for a request no filter gave an id
	 * @param localeResolver supplies the application's locale resolver, or {@code null} to use the request's
	 * {@code Accept-Language}; asked on first use
	 */
	public ServletErrorWriter(ErrorResolver resolver, ErrorRenderer renderer, RequestIds requestIds,
			Supplier<@Nullable LocaleResolver> localeResolver) {
		this.resolver = resolver;
		this.renderer = renderer;
		this.requestIds = requestIds;
		this.localeResolvers = localeResolver;
	}

	/**
	 * Return the resolver.
	 * @return the resolver
	 */
	public ErrorResolver resolver() {
		return this.resolver;
	}

	/**
	 * Return the renderer.
	 * @return the renderer
	 */
	public ErrorRenderer renderer() {
		return this.renderer;
	}

	/**
	 * Return the id of the request, giving it one if no filter did.
	 * @param request the request
	 * @return the request id
	 */
	public String requestId(HttpServletRequest request) {
		Object id = request.getAttribute(RequestIds.ATTRIBUTE);
		if (id instanceof String value) {
			return value;
		}
		String created = this.requestIds.newId();
		request.setAttribute(RequestIds.ATTRIBUTE, created);
		return created;
	}

	/**
	 * Resolve an exception that escaped to a filter or the container: a {@link ServletException} that only wraps
	 * the real failure is unwrapped, and an exception whose status is no error is the generic 500.
	 * @param exception the exception
	 * @return the error
	 */
	public ResolvedError resolveEscaped(Throwable exception) {
		Throwable current = exception;
		for (int depth = 0; depth < 8 && current.getClass() == ServletException.class && current.getCause() != null;
				depth++) {
			current = current.getCause();
		}
		ResolvedError error = this.resolver.resolve(CauseChain.of(current));
		return error.isHandedBack() ? this.resolver.catalog().internalError(current) : error;
	}

	/**
	 * Write an error as the response, or log it when the response is already committed.
	 * @param request the request
	 * @param response the response
	 * @param error the error
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, ResolvedError error) {
		ServletErrorExchange exchange = new ServletErrorExchange(request, response, requestId(request),
				localeResolver());
		if (response.isCommitted()) {
			this.renderer.logUnanswered(error, exchange);
			return;
		}
		markObservation(request, error);
		RenderedError rendered = this.renderer.render(error, exchange);
		try {
			response.resetBuffer();
		}
		catch (IllegalStateException ex) {
			return;
		}
		response.setStatus(rendered.status());
		for (String name : rendered.removedHeaders()) {
			if (response.containsHeader(name)) {
				response.setHeader(name, null);
			}
		}
		rendered.headers().forEach((name, values) -> copy(name, values, response));
		writeBody(request, response, rendered.body(), exchange.requestId());
	}

	private static void copy(String name, List<String> values, HttpServletResponse response) {
		if (values.isEmpty()) {
			return;
		}
		if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
			response.setContentType(values.get(0));
			return;
		}
		response.setHeader(name, values.get(0));
		for (int i = 1; i < values.size(); i++) {
			response.addHeader(name, values.get(i));
		}
	}

	private void writeBody(HttpServletRequest request, HttpServletResponse response, byte[] body, String requestId) {
		try {
			try {
				response.setContentLength(body.length);
				if ("HEAD".equals(request.getMethod())) {
					return;
				}
				response.getOutputStream().write(body);
			}
			catch (IllegalStateException ex) {
				// The application opened the writer before it failed: send the same JSON through it, in ASCII so
				// that whatever encoding the writer uses cannot change a byte.
				String ascii = ErrorBodyEncoder.toAscii(body);
				response.setContentLength(ascii.length());
				if (!"HEAD".equals(request.getMethod())) {
					PrintWriter writer = response.getWriter();
					writer.write(ascii);
					writer.flush();
				}
			}
			response.flushBuffer();
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not write error body, the client has probably gone (request_id={}): {}", requestId,
					ex.toString());
		}
	}

	/**
	 * Log an error that cannot be answered, since the response is committed.
	 * @param request the request
	 * @param response the response
	 * @param error the error
	 */
	public void logUnanswered(HttpServletRequest request, HttpServletResponse response, ResolvedError error) {
		this.renderer.logUnanswered(error,
				new ServletErrorExchange(request, response, requestId(request), localeResolver()));
	}

	/**
	 * Record the error on the request's observation, which {@code http.server.requests} and traces use: a handled
	 * exception is otherwise invisible there, and the code becomes the {@code error.code} key.
	 */
	private static void markObservation(HttpServletRequest request, ResolvedError error) {
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> ErrorObservations.record(context,
					(request.getAttribute(OBSERVATION_ATTRIBUTE) instanceof Observation observation) ? observation
							: null,
					error));
	}

	private @Nullable LocaleResolver localeResolver() {
		if (!this.localeResolverLooked) {
			this.localeResolver = this.localeResolvers.get();
			this.localeResolverLooked = true;
		}
		return this.localeResolver;
	}

}
