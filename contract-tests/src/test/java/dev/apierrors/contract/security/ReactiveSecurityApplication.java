package dev.apierrors.contract.security;

import reactor.core.publisher.Mono;

import dev.apierrors.UnauthenticatedException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux application with three filter chains: HTTP Basic under {@code /basic}, CSRF protection under
 * {@code /forms}, and a chain without any login mechanism for the rest.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ReactiveSecurityApplication.Endpoints.class)
public class ReactiveSecurityApplication {

	@Bean
	@Order(1)
	SecurityWebFilterChain basicChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/basic/**"))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/basic/open/**")
				.permitAll()
				.anyExchange()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain formsChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/forms/**"))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.build();
	}

	@Bean
	@Order(3)
	SecurityWebFilterChain defaultChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/open/**")
			.permitAll()
			.anyExchange()
			.authenticated()).csrf(ServerHttpSecurity.CsrfSpec::disable).build();
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(User.withUsername("ada").password("{noop}secret").roles("USER").build());
	}

	@RestController
	static class Endpoints {

		@GetMapping({ "/basic/orders", "/orders" })
		Mono<String> orders() {
			return Mono.just("orders");
		}

		@GetMapping("/basic/open/login-needed")
		Mono<String> loginNeeded() {
			return Mono.error(new UnauthenticatedException("Log in to see your orders."));
		}

		@PostMapping("/forms/submit")
		Mono<String> submit() {
			return Mono.just("submitted");
		}

	}

}
