package dev.apierrors.compat.boot40;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A small Spring MVC service as a team on Boot 4.0 writes it: controllers that throw the starter's exceptions, bean
 * validation, Spring Security with a bearer-token filter, a servlet filter that fails and the actuator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Boot40Application.Api.class)
class Boot40Application {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/private/**")
			.authenticated()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll());
		http.csrf((csrf) -> csrf.disable());
		http.addFilterBefore(new BearerTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	FilterRegistrationBean<FailingFilter> failingFilter() {
		FilterRegistrationBean<FailingFilter> registration = new FilterRegistrationBean<>(new FailingFilter());
		registration.setOrder(0);
		return registration;
	}

	@RestController
	@RequestMapping("/api")
	static class Api {

		@GetMapping("/users/{id}")
		User user(@PathVariable int id) {
			if (id != 1) {
				throw new NotFoundException(CompatError.USER_NOT_FOUND, "No user has id " + id + ".");
			}
			return new User(1, "Ada");
		}

		@PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
		User create(@Valid @RequestBody NewUser user) {
			return new User(2, user.name());
		}

		@GetMapping("/rate-limited")
		String rateLimited() {
			throw new RateLimitedException("Slow down.", Duration.ofSeconds(7));
		}

		@GetMapping("/send-error")
		void sendError(HttpServletResponse response) throws IOException {
			response.sendError(409);
		}

		@GetMapping("/private/me")
		String me() {
			return "me";
		}

		@GetMapping("/admin/reports")
		String reports() {
			return "reports";
		}

	}

	/** The application's declared codes, which the error catalog and the {@code error.code} metric tag know. */
	enum CompatError implements ApiErrorCode {

		USER_NOT_FOUND;

		@Override
		public HttpStatusCode status() {
			return HttpStatus.NOT_FOUND;
		}

		@Override
		public String message() {
			return "No such user.";
		}

	}

	record User(int id, String name) {
	}

	record NewUser(@NotBlank String name, @Email @NotBlank String email, @Min(18) int age) {
	}

	/** Authenticates {@code Bearer user} as a user, and leaves every other request anonymous. */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("Bearer user".equals(request.getHeader("Authorization"))) {
				Authentication user = UsernamePasswordAuthenticationToken.authenticated("user", null,
						AuthorityUtils.createAuthorityList("ROLE_USER"));
				SecurityContextHolder.getContext().setAuthentication(user);
			}
			chain.doFilter(request, response);
		}

	}

	/** A servlet filter, ahead of Spring MVC, that fails on one path. */
	static final class FailingFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getRequestURI().equals("/api/filter-crash")) {
				throw new IllegalStateException("filter failed at 10.0.0.5");
			}
			chain.doFilter(request, response);
		}

	}

}
