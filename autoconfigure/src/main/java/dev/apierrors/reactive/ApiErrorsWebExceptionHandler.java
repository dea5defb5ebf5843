package dev.apierrors.reactive;

import reactor.core.publisher.Mono;

import dev.apierrors.core.ResolvedError;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers every exception a WebFlux application leaves unhandled (handler exceptions its
 * {@code @ExceptionHandler} methods do not handle, errors before a handler is chosen, and errors in
 * {@code WebFilter}s) with the uniform body, in the place of Boot's {@code DefaultErrorWebExceptionHandler}, which
 * backs off; unlike Boot's, it keeps the headers the exception carries, such as {@code Allow}. An exception whose
 * status is no error is left to Spring's {@code WebFluxResponseStatusExceptionHandler}; a failure after the
 * response was committed is logged once and left to the server, which aborts the response.
 */
public final class ApiErrorsWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

	/** Order: Boot's own error handler's, before Spring's {@code WebFluxResponseStatusExceptionHandler} (0). */
	public static final int ORDER = -1;

	private final ReactiveErrorWriter writer;

	/**
	 * Create the handler.
	 * @param writer writes the responses
	 */
	public ApiErrorsWebExceptionHandler(ReactiveErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				this.writer.logUnanswered(exchange, this.writer.resolve(ex));
			}
			return Mono.error(ex);
		}
		ResolvedError error = this.writer.resolve(ex);
		if (error.isHandedBack()) {
			return Mono.error(ex);
		}
		return this.writer.write(exchange, error);
	}

}
