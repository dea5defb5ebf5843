package dev.apierrors.reactive.security;

import reactor.core.publisher.Mono;

import dev.apierrors.reactive.ReactiveErrorWriter;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a denied exchange with 403 and the uniform body ({@code invalid_csrf_token} for a CSRF failure).
 */
public final class ApiErrorsServerAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ReactiveErrorWriter writer;

	/**
	 * Create the handler.
	 * @param writer writes the response
	 */
	public ApiErrorsServerAccessDeniedHandler(ReactiveErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.writer.write(exchange, this.writer.resolve(denied));
	}

}
