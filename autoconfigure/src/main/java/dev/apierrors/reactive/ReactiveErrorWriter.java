package dev.apierrors.reactive;

import reactor.core.publisher.Mono;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.observation.ErrorObservations;
import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.render.RenderedError;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.ErrorResolver;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes errors into WebFlux responses for every reactive origin (the exception handler, the error boundary
 * filter, Spring Security's handlers): resolves exceptions, has the core render the error, marks the exchange's
 * observation with the exception, and writes status, headers and body. The request id, code, message and body are
 * the same, byte for byte, as the Spring MVC adapter writes.
 */
public final class ReactiveErrorWriter {

	/**
	 * Exchange attribute holding the {@code WWW-Authenticate} challenge of the security mechanism that handles the
	 * request, as {@link dev.apierrors.core.ErrorExchange#challenge()} describes.
	 */
	public static final String CHALLENGE_ATTRIBUTE = ReactiveErrorWriter.class.getName() + ".challenge";

	private final ErrorResolver resolver;

	private final ErrorRenderer renderer;

	private final RequestIds requestIds;

	/**
	 * Create a writer.
	 * @param resolver resolves exceptions and statuses
	 * @param renderer renders errors
	 * @param requestIds the request id rules, for an exchange no filter gave an id
	 */
	public ReactiveErrorWriter(ErrorResolver resolver, ErrorRenderer renderer, RequestIds requestIds) {
		this.resolver = resolver;
		this.renderer = renderer;
		this.requestIds = requestIds;
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
	 * Return the id of the exchange's request, giving it one if no filter did.
	 * @param exchange the exchange
	 * @return the request id
	 */
	public String requestId(ServerWebExchange exchange) {
		String id = exchange.getAttribute(RequestIds.ATTRIBUTE);
		if (id != null) {
			return id;
		}
		String created = this.requestIds.newId();
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, created);
		return created;
	}

	/**
	 * Resolve an exception.
	 * @param exception the exception
	 * @return the error
	 */
	public ResolvedError resolve(Throwable exception) {
		return this.resolver.resolve(CauseChain.of(exception));
	}

	/**
	 * Write an error as the response; a committed response is left alone and the error only logged.
	 * @param exchange the exchange
	 * @param error the error
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ResolvedError error) {
		ReactiveErrorExchange errorExchange = new ReactiveErrorExchange(exchange, requestId(exchange));
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			this.renderer.logUnanswered(error, errorExchange);
			return Mono.empty();
		}
		markObservation(exchange, error);
		RenderedError rendered = this.renderer.render(error, errorExchange);
		response.setStatusCode(HttpStatusCode.valueOf(rendered.status()));
		HttpHeaders headers = response.getHeaders();
		for (String name : rendered.removedHeaders()) {
			headers.remove(name);
		}
		// One putAll of the rendered map: each of its headers replaces the values set earlier under its name.
		headers.putAll(rendered.headers());
		byte[] body = rendered.body();
		headers.setContentLength(body.length);
		if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
			return response.setComplete();
		}
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * Log an error that cannot be answered, since the response is committed.
	 * @param exchange the exchange
	 * @param error the error
	 */
	public void logUnanswered(ServerWebExchange exchange, ResolvedError error) {
		this.renderer.logUnanswered(error, new ReactiveErrorExchange(exchange, requestId(exchange)));
	}

	/**
	 * Record the error on the exchange's observation, which {@code http.server.requests} and traces use: the code
	 * becomes the {@code error.code} key, and the exception the {@code exception} key. WebFlux itself marks the
	 * observation's span with an exception a {@code WebExceptionHandler} handled.
	 */
	private static void markObservation(ServerWebExchange exchange, ResolvedError error) {
		ServerRequestObservationContext context = exchange
			.getAttribute(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
		if (context != null) {
			ErrorObservations.record(context, null, error);
		}
	}

}
