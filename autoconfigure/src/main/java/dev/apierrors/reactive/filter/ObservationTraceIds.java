package dev.apierrors.reactive.filter;

import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the trace id of an exchange in the span of its server observation, for
 * {@code api.errors.request-id.source=trace-id}: in WebFlux the span is not in a thread-local when the request id
 * is chosen, but the observation context of the exchange holds it. Loaded only with Micrometer Tracing.
 */
public final class ObservationTraceIds implements Function<ServerWebExchange, @Nullable String> {

	/**
	 * Create an instance.
	 */
	public ObservationTraceIds() {
	}

	@Override
	public @Nullable String apply(ServerWebExchange exchange) {
		ServerRequestObservationContext context = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.orElse(null);
		if (context == null) {
			return null;
		}
		TracingContext tracing = context.get(TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null) {
			return null;
		}
		String traceId = span.context().traceId();
		return (traceId != null && !traceId.isEmpty()) ? traceId : null;
	}

}
