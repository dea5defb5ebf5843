package dev.apierrors.sample.webflux;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

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
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * One functional endpoint per remaining kind of error, so each can be tried with curl; the catalog lookup shows
 * that the request id reaches the MDC of the thread a reactive pipeline hops to.
 */
@Configuration(proxyBeanMethods = false)
class DemoRoutes {

	private static final Logger logger = LoggerFactory.getLogger(DemoRoutes.class);

	@Bean
	RouterFunction<ServerResponse> demo() {
		return RouterFunctions.route()
			.path("/api/demo", (demo) -> demo
				.GET("/rate-limited", (request) -> Mono.error(
						new RateLimitedException("You have used your 100 searches for this minute.", Duration.ofSeconds(42))))
				.GET("/maintenance",
						(request) -> Mono.error(new ServiceUnavailableException("Down for maintenance until 03:00 UTC.")))
				.GET("/upstream",
						(request) -> Mono.error(new BadGatewayException("The payment provider answered with an error.")))
				.GET("/gone", (request) -> Mono.error(new GoneException("Version 1 of this API was retired.")))
				.GET("/expired-token",
						(request) -> Mono.error(new UnauthenticatedException("invalid_token", "The access token expired.")))
				.GET("/crash", (request) -> Mono.error(
						new IllegalStateException("Connection to jdbc:postgresql://db.internal:5432/shop refused")))
				.GET("/missing-item",
						(request) -> Mono.error(new NoSuchElementException("item 17 not in cache shard 3")))
				.GET("/export",
						(request) -> Mono.error(new RejectedExecutionException("export pool exhausted (8 of 8 threads busy)")))
				.GET("/status", (request) -> Mono
					.error(new ResponseStatusException(HttpStatus.PAYMENT_REQUIRED, "Your plan has expired.")))
				.GET("/search", (request) -> ServerResponse.ok()
					.bodyValue(Map.of("q", request.queryParam("q").orElseThrow(), "tenant",
							request.headers().firstHeader("X-Tenant")))))
			.GET("/api/catalog/{sku}", (request) -> Mono.delay(Duration.ofMillis(5)).flatMap((tick) -> {
				logger.info("Looking up {} (request id in the MDC: {})", request.pathVariable("sku"),
						ApiRequestId.current());
				return Mono.error(new NotFoundException("product_not_found",
						"No product has SKU " + request.pathVariable("sku") + "."));
			}))
			.build();
	}

}
