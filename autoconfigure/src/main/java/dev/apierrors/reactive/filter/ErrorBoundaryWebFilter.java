package dev.apierrors.reactive.filter;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.reactive.ReactiveErrorWriter;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives an error status set without any body ({@code ResponseEntity.notFound().build()}, an entry point's bare 401,
 * {@code exchange.getResponse().setStatusCode(...)}) the uniform body, leaving a body the application writes as it
 * is, and makes sure that a 401 carries a challenge and a 429 or 503 a {@code Retry-After} whoever set the status;
 * placed ahead of Spring Security so that its responses are covered.
 */
public final class ErrorBoundaryWebFilter implements WebFilter, Ordered {

	/** Order of the filter: right after the {@link RequestIdWebFilter}, before Spring Security (-100). */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final ReactiveErrorWriter writer;

	private final HeaderPolicy headerPolicy;

	/**
	 * Create the filter.
	 * @param writer writes the responses
	 */
	public ErrorBoundaryWebFilter(ReactiveErrorWriter writer) {
		this.writer = writer;
		this.headerPolicy = writer.renderer().headerPolicy();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> Mono.fromRunnable(() -> addDefaults(exchange, response)));
		BodyTrackingResponse tracked = new BodyTrackingResponse(exchange, response);
		return chain.filter(exchange.mutate().response(tracked).build()).then(Mono.defer(tracked::completeBodiless));
	}

	private void addDefaults(ServerWebExchange exchange, ServerHttpResponse response) {
		HttpStatusCode status = response.getStatusCode();
		if (status == null) {
			return;
		}
		HttpHeaders headers = response.getHeaders();
		if (status.value() == 401 && !headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
			String challenge = this.headerPolicy
				.defaultChallenge(exchange.getAttribute(ReactiveErrorWriter.CHALLENGE_ATTRIBUTE));
			if (challenge != null) {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
		}
		else if (!headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
			String retryAfter = this.headerPolicy.defaultRetryAfter(status.value());
			if (retryAfter != null) {
				headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
			}
		}
	}

	/**
	 * Records whether a body was written, and writes the uniform body instead of completing a bodiless error
	 * response.
	 */
	private final class BodyTrackingResponse extends ServerHttpResponseDecorator {

		private final ServerWebExchange exchange;

		private volatile boolean bodyWritten;

		BodyTrackingResponse(ServerWebExchange exchange, ServerHttpResponse delegate) {
			super(delegate);
			this.exchange = exchange;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			this.bodyWritten = true;
			return super.writeWith(body);
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			this.bodyWritten = true;
			return super.writeAndFlushWith(body);
		}

		@Override
		public Mono<Void> setComplete() {
			return isErrorWithoutBody() ? writeUniformBody() : super.setComplete();
		}

		Mono<Void> completeBodiless() {
			return isErrorWithoutBody() ? writeUniformBody() : Mono.empty();
		}

		private boolean isErrorWithoutBody() {
			HttpStatusCode status = getStatusCode();
			return !this.bodyWritten && !isCommitted() && status != null && ErrorCatalog.isError(status.value());
		}

		private Mono<Void> writeUniformBody() {
			this.bodyWritten = true;
			HttpStatusCode status = getStatusCode();
			return ErrorBoundaryWebFilter.this.writer.write(this.exchange,
					ErrorBoundaryWebFilter.this.writer.resolver().resolve((status != null) ? status.value() : 500));
		}

	}

}
