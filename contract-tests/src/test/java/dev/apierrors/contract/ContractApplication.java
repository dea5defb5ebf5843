package dev.apierrors.contract;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.apierrors.ApiError;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.ConflictException;
import dev.apierrors.ForbiddenException;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.ApiRequestId;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

/**
 * One application served by both stacks: the same annotated controllers run on Spring MVC (Tomcat) and on WebFlux
 * (Netty); the security rules, a failing filter and a bearer-token filter are written once per stack, alike.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ContractApplication.Api.class, ContractApplication.ServletStack.class,
		ContractApplication.ReactiveStack.class })
public class ContractApplication {

	static final Logger logger = LoggerFactory.getLogger(ContractApplication.class);

	@Bean
	ApiExceptionMapper poolFullMapper() {
		return (exception) -> (exception instanceof java.util.concurrent.RejectedExecutionException)
				? new ServiceUnavailableException("Too many exports are running.", Duration.ofSeconds(10)) : null;
	}

	static Authentication authenticate(String header) {
		if ("Bearer user".equals(header)) {
			return UsernamePasswordAuthenticationToken.authenticated("user", null,
					AuthorityUtils.createAuthorityList("ROLE_USER"));
		}
		if ("Bearer admin".equals(header)) {
			return UsernamePasswordAuthenticationToken.authenticated("admin", null,
					AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMIN"));
		}
		return null;
	}

	@RestController
	@RequestMapping("/api")
	static class Api {

		@GetMapping("/users/{id}")
		User user(@PathVariable int id) {
			if (id != 1) {
				throw new NotFoundException("user_not_found", "No user has id " + id + ".");
			}
			return new User(1, "Ada");
		}

		@PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
		User create(@Valid @RequestBody NewUser user) {
			if (user.email().equals("taken@example.com")) {
				throw new DuplicateEmailException();
			}
			return new User(2, user.name());
		}

		@GetMapping("/search")
		List<String> search(@RequestParam String q, @RequestParam @Min(1) @Max(100) int limit) {
			return List.of(q);
		}

		@GetMapping("/tenant")
		String tenant(@RequestHeader("X-Tenant") String tenant) {
			return tenant;
		}

		@GetMapping("/session")
		String session(@CookieValue("session") String session) {
			return session;
		}

		@GetMapping(path = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
		User report() {
			return new User(1, "Ada");
		}

		@GetMapping("/conflict")
		String conflict() {
			throw new ConflictException("order_already_paid", "The order is already paid.");
		}

		@GetMapping("/rate-limited")
		String rateLimited() {
			throw new RateLimitedException("Slow down.", Duration.ofSeconds(2));
		}

		@GetMapping("/maintenance")
		String maintenance() {
			throw new ServiceUnavailableException("Down for maintenance.");
		}

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("jdbc:postgresql://db.internal:5432 password=hunter2");
		}

		@GetMapping("/rse-409")
		String rse409() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "The order has already shipped.");
		}

		@GetMapping("/rse-500")
		String rse500() {
			throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "jdbc:postgresql://db.internal:5432");
		}

		@GetMapping("/response-status")
		String responseStatus() {
			throw new ShippedException();
		}

		@GetMapping("/concealed")
		String concealed() {
			throw new ForbiddenException("Document 42 belongs to another tenant.").concealAsNotFound();
		}

		@GetMapping("/mapped")
		String mapped() {
			throw new NoSuchElementException("no item 5");
		}

		@GetMapping("/mapper")
		String mapper() {
			throw new java.util.concurrent.RejectedExecutionException("pool full");
		}

		@GetMapping("/completion")
		String completion() {
			throw new CompletionException(new NotFoundException("user_not_found", "No user has id 9."));
		}

		@GetMapping("/empty-404")
		ResponseEntity<Void> empty404() {
			return ResponseEntity.notFound().build();
		}

		@GetMapping("/entity-503")
		ResponseEntity<Void> entity503() {
			return ResponseEntity.status(503).header("Retry-After", "120").build();
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

	record User(int id, String name) {
	}

	record NewUser(@NotBlank String name, @Email @NotBlank String email, @Min(18) int age) {
	}

	@ApiError(status = HttpStatus.CONFLICT, code = "duplicate_email", message = "That email address is already registered.")
	static class DuplicateEmailException extends RuntimeException {

	}

	@ResponseStatus(code = HttpStatus.CONFLICT, reason = "The order has already shipped.")
	static class ShippedException extends RuntimeException {

	}

	/** Spring MVC's half: security rules with a bearer-token filter, and a filter that fails. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletStack {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/private/**")
				.authenticated()
				.requestMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll());
			http.csrf((csrf) -> csrf.disable());
			http.addFilterBefore(new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					Authentication authentication = authenticate(request.getHeader("Authorization"));
					if (authentication != null) {
						SecurityContextHolder.getContext().setAuthentication(authentication);
					}
					chain.doFilter(request, response);
				}

			}, AnonymousAuthenticationFilter.class);
			return http.build();
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getRequestURI().equals("/api/filter-crash")) {
								throw new IllegalStateException("filter failed at 10.0.0.5");
							}
							chain.doFilter(request, response);
						}

					});
			registration.setOrder(0);
			return registration;
		}

	}

	/** WebFlux's half: the same security rules and bearer tokens, a web filter that fails, and a router function. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveStack {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			WebFilter bearer = (exchange, chain) -> {
				Authentication authentication = authenticate(
						exchange.getRequest().getHeaders().getFirst("Authorization"));
				return (authentication != null)
						? chain.filter(exchange)
							.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication))
						: chain.filter(exchange);
			};
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/private/**")
					.authenticated()
					.pathMatchers("/api/admin/**")
					.hasRole("ADMIN")
					.anyExchange()
					.permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
				.build();
		}

		@Bean
		WebFilter failingWebFilter() {
			return (exchange, chain) -> exchange.getRequest().getPath().value().equals("/api/filter-crash")
					? Mono.error(new IllegalStateException("filter failed at 10.0.0.5")) : chain.filter(exchange);
		}

		@Bean
		RouterFunction<ServerResponse> functionalRoutes() {
			return RouterFunctions.route()
				.GET("/fn/orders/{id}",
						(request) -> Mono.error(new NotFoundException("order_not_found",
								"No order has id " + request.pathVariable("id") + ".")))
				.GET("/fn/hop", (request) -> Mono.delay(Duration.ofMillis(1)).flatMap((tick) -> {
					String seen = ApiRequestId.current();
					logger.info("hop handled for {}", request.exchange().<String>getAttribute(ApiRequestId.ATTRIBUTE));
					if (request.queryParam("fail").isPresent()) {
						return Mono.error(new NotFoundException("hop_failed", "The hop failed."));
					}
					return ServerResponse.ok().bodyValue(String.valueOf(seen));
				}))
				.build();
		}

	}

}
