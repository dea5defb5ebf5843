package dev.apierrors.sample;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security rules over every path (nothing permits {@code /error}, as in many real services) and demo bearer
 * tokens: {@code alice-token} (a user) and {@code admin-token} (an administrator).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Map<String, String[]> TOKENS = Map.of("alice-token", new String[] { "alice", "ROLE_USER" },
			"bob-token", new String[] { "bob", "ROLE_USER" }, "admin-token", new String[] { "admin", "ROLE_ADMIN" });

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/users/**", "/api/catalog/**", "/api/demo/**",
				"/api/directory/**")
			.permitAll()
			// The specification, Swagger UI and robots.txt are public; actuator listens on the management port only.
			.requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/robots.txt")
			.permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.disable());
		// A token API keeps no session: no JSESSIONID for a 401, no request saved for a login page that does not exist.
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.addFilterBefore(new DemoTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/** Accepts the demo tokens; any other bearer token is rejected with 401. */
	static class DemoTokenFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith("Bearer ")) {
				String[] user = TOKENS.get(header.substring(7));
				if (user == null) {
					throw new BadCredentialsException("Unknown bearer token");
				}
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user[0], null,
							AuthorityUtils.createAuthorityList(user[1])));
			}
			chain.doFilter(request, response);
		}

	}

}
