package dev.apierrors.sample.webflux;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.WebFilter;

/**
 * Security rules and demo bearer tokens, as in the Spring MVC sample: {@code alice-token}, {@code bob-token}
 * (users) and {@code admin-token} (an administrator).
 */
@Configuration(proxyBeanMethods = false)
@EnableReactiveMethodSecurity
class SecurityConfiguration {

	private static final Map<String, String[]> TOKENS = Map.of("alice-token", new String[] { "alice", "ROLE_USER" },
			"bob-token", new String[] { "bob", "ROLE_USER" }, "admin-token", new String[] { "admin", "ROLE_ADMIN" });

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/users/**", "/api/catalog/**", "/api/demo/**")
				.permitAll()
				// The specification and Swagger UI are public; actuator listens on the management port only.
				.pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**")
				.permitAll()
				.matchers(EndpointRequest.toAnyEndpoint())
				.permitAll()
				.pathMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(demoTokens(), SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

	/** Accepts the demo tokens; any other bearer token is rejected with 401. */
	private static WebFilter demoTokens() {
		return (exchange, chain) -> {
			String header = exchange.getRequest().getHeaders().getFirst("Authorization");
			if (header == null || !header.startsWith("Bearer ")) {
				return chain.filter(exchange);
			}
			String[] user = TOKENS.get(header.substring(7));
			if (user == null) {
				return Mono.error(new BadCredentialsException("Unknown bearer token"));
			}
			return chain.filter(exchange)
				.contextWrite(ReactiveSecurityContextHolder.withAuthentication(UsernamePasswordAuthenticationToken
					.authenticated(user[0], null, AuthorityUtils.createAuthorityList(user[1]))));
		};
	}

}
