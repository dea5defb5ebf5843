package dev.apierrors.observability;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The service of {@link ObservedApplication} on WebFlux (tests start it with
 * {@code spring.main.web-application-type=reactive}, as Spring MVC is on the classpath too): the same controller,
 * Spring Security's 401 from a {@code SecurityWebFilterChain}, and a {@code WebFilter} that fails.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ObservedApplication.OrderController.class)
public class ReactiveObservedApplication {

	/** The property that starts this application on WebFlux. */
	static final String REACTIVE = "spring.main.web-application-type=reactive";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/private/**")
			.authenticated()
			.anyExchange()
			.permitAll()).csrf(ServerHttpSecurity.CsrfSpec::disable).build();
	}

	@Bean
	InMemorySpanExporter spanExporter() {
		return InMemorySpanExporter.create();
	}

	@Bean
	FailingFilter failingFilter() {
		return new FailingFilter();
	}

	/** Fails the requests to {@code /filter-failure}, after Security and before any handler. */
	static class FailingFilter implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			if (exchange.getRequest().getPath().value().equals("/filter-failure")) {
				return Mono.error(new IllegalStateException("The filter failed"));
			}
			return chain.filter(exchange);
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

}
