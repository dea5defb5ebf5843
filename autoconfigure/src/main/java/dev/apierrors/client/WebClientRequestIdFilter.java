package dev.apierrors.client;

import reactor.core.publisher.Mono;

import dev.apierrors.ApiRequestId;
import dev.apierrors.core.requestid.RequestIds;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Sends the current request's id in the request id header of every {@code WebClient} call, unless the caller set
 * that header itself: the id in the Reactor {@code Context} under {@link ApiRequestId#CONTEXT_KEY} (where the WebFlux
 * adapter keeps it), else the one of the subscribing thread (MDC or Spring MVC's current request); outside a
 * request nothing is sent. Tracing headers are left to Micrometer Tracing.
 */
public final class WebClientRequestIdFilter implements ExchangeFilterFunction {

	private final String header;

	/**
	 * Create the filter.
	 * @param requestIds the request id rules, whose header is used
	 */
	public WebClientRequestIdFilter(RequestIds requestIds) {
		this.header = requestIds.header();
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.headers().containsHeader(this.header)) {
			return next.exchange(request);
		}
		return Mono.deferContextual((context) -> {
			String id = CurrentRequestId.valid(context.getOrDefault(ApiRequestId.CONTEXT_KEY, null));
			if (id == null) {
				id = CurrentRequestId.get();
			}
			return next.exchange((id != null) ? ClientRequest.from(request).header(this.header, id).build() : request);
		});
	}

}
