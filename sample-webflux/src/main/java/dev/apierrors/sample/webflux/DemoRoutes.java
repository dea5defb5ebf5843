package dev.apierrors.sample.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import reactor.core.publisher.Mono;

import dev.apierrors.ApiErrorResponses;
import dev.apierrors.ApiRequestId;
import dev.apierrors.BadGatewayException;
import dev.apierrors.GoneException;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.UnauthenticatedException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * One functional endpoint per remaining kind of error, so each can be tried with curl; the catalog lookup shows
 * that the request id reaches the MDC of the thread a reactive pipeline hops to. The {@code @RouterOperation}s
 * point springdoc at the handler methods, whose {@code @ApiErrorResponses} declare the errors they signal (a
 * reactive handler returns its error rather than throwing it, so there is no {@code throws} clause to read).
 */
@Configuration(proxyBeanMethods = false)
class DemoRoutes {

	@Bean
	@RouterOperations({
			@RouterOperation(path = "/api/demo/rate-limited", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "rateLimited"),
			@RouterOperation(path = "/api/demo/maintenance", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "maintenance"),
			@RouterOperation(path = "/api/demo/upstream", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "upstream"),
			@RouterOperation(path = "/api/demo/gone", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "gone"),
			@RouterOperation(path = "/api/demo/expired-token", method = RequestMethod.GET,
					beanClass = Handlers.class, beanMethod = "expiredToken"),
			@RouterOperation(path = "/api/demo/crash", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "crash"),
			@RouterOperation(path = "/api/demo/missing-item", method = RequestMethod.GET,
					beanClass = Handlers.class, beanMethod = "missingItem"),
			@RouterOperation(path = "/api/demo/export", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "export"),
			@RouterOperation(path = "/api/demo/status", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "status"),
			@RouterOperation(path = "/api/demo/search", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "search"),
			@RouterOperation(path = "/api/catalog/{sku}", method = RequestMethod.GET, beanClass = Handlers.class,
					beanMethod = "product") })
	RouterFunction<ServerResponse> demo(Handlers handlers) {
		return RouterFunctions.route()
			.path("/api/demo", (demo) -> demo.GET("/rate-limited", handlers::rateLimited)
				.GET("/maintenance", handlers::maintenance)
				.GET("/upstream", handlers::upstream)
				.GET("/gone", handlers::gone)
				.GET("/expired-token", handlers::expiredToken)
				.GET("/crash", handlers::crash)
				.GET("/missing-item", handlers::missingItem)
				.GET("/export", handlers::export)
				.GET("/status", handlers::status)
				.GET("/search", handlers::search))
			.GET("/api/catalog/{sku}", handlers::product)
			.build();
	}

	/**
	 * The handler functions of the demo routes.
	 */
	@Component
	static class Handlers {

		private static final Logger logger = LoggerFactory.getLogger(DemoRoutes.class);

		@ApiErrorResponses(exceptions = RateLimitedException.class)
		public Mono<ServerResponse> rateLimited(ServerRequest request) {
			return Mono.error(new RateLimitedException("You have used your 100 searches for this minute.",
					Duration.ofSeconds(42)));
		}

		@ApiErrorResponses(exceptions = ServiceUnavailableException.class)
		public Mono<ServerResponse> maintenance(ServerRequest request) {
			return Mono.error(new ServiceUnavailableException("Down for maintenance until 03:00 UTC."));
		}

		@ApiErrorResponses(exceptions = BadGatewayException.class)
		public Mono<ServerResponse> upstream(ServerRequest request) {
			return Mono.error(new BadGatewayException("The payment provider answered with an error."));
		}

		@ApiErrorResponses(exceptions = GoneException.class)
		public Mono<ServerResponse> gone(ServerRequest request) {
			return Mono.error(new GoneException("Version 1 of this API was retired."));
		}

		@ApiErrorResponses("invalid_token")
		public Mono<ServerResponse> expiredToken(ServerRequest request) {
			return Mono.error(new UnauthenticatedException("invalid_token", "The access token expired."));
		}

		public Mono<ServerResponse> crash(ServerRequest request) {
			return Mono
				.error(new IllegalStateException("Connection to jdbc:postgresql://db.internal:5432/shop refused"));
		}

		@ApiErrorResponses(exceptions = NoSuchElementException.class)
		public Mono<ServerResponse> missingItem(ServerRequest request) {
			return Mono.error(new NoSuchElementException("item 17 not in cache shard 3"));
		}

		@ApiErrorResponses("service_unavailable")
		public Mono<ServerResponse> export(ServerRequest request) {
			return Mono.error(new RejectedExecutionException("export pool exhausted (8 of 8 threads busy)"));
		}

		@ApiErrorResponses("payment_required")
		public Mono<ServerResponse> status(ServerRequest request) {
			return Mono.error(new ResponseStatusException(HttpStatus.PAYMENT_REQUIRED, "Your plan has expired."));
		}

		public Mono<ServerResponse> search(ServerRequest request) {
			return ServerResponse.ok()
				.bodyValue(Map.of("q", request.queryParam("q").orElseThrow(), "tenant",
						request.headers().firstHeader("X-Tenant")));
		}

		@ApiErrorResponses("product_not_found")
		public Mono<ServerResponse> product(ServerRequest request) {
			String sku = request.pathVariable("sku");
			return Mono.delay(Duration.ofMillis(5)).flatMap((tick) -> {
				logger.info("Looking up {} (request id in the MDC: {})", sku, ApiRequestId.current());
				return Mono.error(new NotFoundException(ShopError.PRODUCT_NOT_FOUND, "No product has SKU " + sku + "."));
			});
		}

	}

}
