package dev.apierrors.reactive.security;

import reactor.core.publisher.Mono;

import dev.apierrors.reactive.ReactiveErrorWriter;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers an unauthenticated exchange with 401, a {@code WWW-Authenticate} challenge and the uniform body (or
 * with the 403 of {@code api.errors.authentication.unauthenticated-status}).
 */
public final class ApiErrorsServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ReactiveErrorWriter writer;

	/**
	 * Create the entry point.
	 * @param writer writes the response
	 */
	public ApiErrorsServerAuthenticationEntryPoint(ReactiveErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return this.writer.write(exchange, this.writer.resolve(ex));
	}

}
