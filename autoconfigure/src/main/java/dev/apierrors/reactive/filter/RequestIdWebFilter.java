package dev.apierrors.reactive.filter;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.apierrors.ApiRequestId;
import dev.apierrors.core.requestid.RequestIds;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every exchange a request id before anything that logs runs, by the same rules as Spring MVC: the incoming
 * header when it is a single valid value, otherwise a new id (the trace id of the exchange's observation when so
 * configured). The id is sent back in the same header, kept in an exchange attribute, and put in the Reactor
 * {@code Context} under {@link ApiRequestId#CONTEXT_KEY}, from which context propagation copies it into the MDC of
 * every thread that works on the exchange.
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

	/** Order of the filter: long before Spring Security's (-100), so that every filter that logs sees the id. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final RequestIds requestIds;

	private final Function<ServerWebExchange, @Nullable String> traceIds;

	/**
	 * Create a filter.
	 * @param requestIds the rules and header of request ids
	 * @param traceIds gives the trace id of an exchange to use as a new id, or {@code null} for a generated one
	 */
	public RequestIdWebFilter(RequestIds requestIds, Function<ServerWebExchange, @Nullable String> traceIds) {
		this.requestIds = requestIds;
		this.traceIds = traceIds;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = exchange.getAttribute(RequestIds.ATTRIBUTE);
		if (id == null) {
			id = idOf(exchange);
			exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
		}
		exchange.getResponse().getHeaders().set(this.requestIds.header(), id);
		String requestId = id;
		return chain.filter(exchange).contextWrite((context) -> context.put(ApiRequestId.CONTEXT_KEY, requestId));
	}

	private String idOf(ServerWebExchange exchange) {
		List<String> values = exchange.getRequest().getHeaders().get(this.requestIds.header());
		String first = (values != null && !values.isEmpty()) ? values.get(0) : null;
		boolean more = values != null && values.size() > 1;
		if (first != null && !more && RequestIds.isValid(first)) {
			return first;
		}
		String traceId = this.traceIds.apply(exchange);
		return (traceId != null && RequestIds.isValid(traceId)) ? traceId : this.requestIds.newId();
	}

}
