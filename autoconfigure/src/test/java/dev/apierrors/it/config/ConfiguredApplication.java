package dev.apierrors.it.config;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;

import dev.apierrors.it.TestBearerTokenFilter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An application tuned through {@code configured-app.yml} (mappings, per-status messages, a message bundle) and
 * extended with a customizer and a mapper bean, with Spring Security over its private paths and a filter that
 * fails on demand, so that every origin of an error can be observed in both formats.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import({ ConfiguredApplication.ErrorsController.class, ConfiguredApplication.UpstreamController.class,
		ConfiguredApplication.PrivateController.class })
public class ConfiguredApplication {

	/** Documentation base the customizer links every error code to. */
	static final String DOCS = "https://docs.example.com/errors/";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.disable());
		http.addFilterBefore(new TestBearerTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						switch (request.getRequestURI()) {
							case "/public/filter/vendor" -> throw new VendorException("vendor down at 10.0.0.7");
							case "/public/filter/crash" -> throw new IllegalStateException("filter bug");
							default -> chain.doFilter(request, response);
						}
					}

				});
		registration.setOrder(0);
		return registration;
	}

	/** Links every error to its documentation page, in a member and a header. */
	@Bean
	@Order(1)
	ApiErrorCustomizer documentationLink() {
		return (error) -> {
			error.addMember("docs", DOCS + error.getCode());
			error.addHeader("Link", "<" + DOCS + error.getCode() + ">; rel=\"help\"");
		};
	}

	/** Tries to replace a reserved member of one error: rejected, and the error is still answered. */
	@Bean
	@Order(2)
	ApiErrorCustomizer reservedMemberThief() {
		return (error) -> {
			if (error.getCode().equals("user_not_found")) {
				error.addMember("status", "hijacked");
			}
		};
	}

	/** A saturated executor means the service is busy: 503 with a short Retry-After. */
	@Bean
	ApiExceptionMapper busyExecutor() {
		return (exception) -> (exception instanceof RejectedExecutionException)
				? new ServiceUnavailableException("The service is busy.", Duration.ofSeconds(5)) : null;
	}

	/** A library's exception, mapped in configuration. */
	static class VendorException extends RuntimeException {

		VendorException(String message) {
			super(message);
		}

	}

	/** Mapped in configuration on its own: the nearest mapping wins over its superclass's. */
	static class VendorTimeoutException extends VendorException {

		VendorTimeoutException(String message) {
			super(message);
		}

	}

	/** Not mapped: answered by its superclass's mapping. */
	static class VendorQuotaException extends VendorException {

		VendorQuotaException(String message) {
			super(message);
		}

	}

	/** Annotated below a mapped class: the annotation is nearer, so it wins. */
	@ApiError(status = HttpStatus.CONFLICT, code = "stock_conflict")
	static class StockConflictException extends VendorException {

		StockConflictException(String message) {
			super(message);
		}

	}

	/** Annotated and mapped in configuration: configuration wins at the same class. */
	@ApiError(status = HttpStatus.CONFLICT, code = "annotated")
	static class TwiceDeclaredException extends RuntimeException {

	}

	record Item(@NotBlank String name) {
	}

	@RestController
	@RequestMapping("/public")
	static class ErrorsController {

		@GetMapping("/users/{id}")
		String user(@PathVariable int id) {
			throw new NotFoundException("user_not_found", "User " + id + " does not exist.");
		}

		@GetMapping("/things/{id}")
		String thing(@PathVariable int id) {
			throw new NotFoundException("Thing " + id + " does not exist.");
		}

		@GetMapping("/vendor/{kind}")
		String vendor(@PathVariable String kind) {
			throw switch (kind) {
				case "timeout" -> new VendorTimeoutException("vendor timed out after 30s");
				case "quota" -> new VendorQuotaException("vendor quota of account 4711 exhausted");
				case "stock" -> new StockConflictException("Only 2 left in stock.");
				case "twice" -> new TwiceDeclaredException();
				default -> new VendorException("vendor failed with secret token abc");
			};
		}

		@GetMapping("/missing-item")
		String missingItem() {
			throw new java.util.NoSuchElementException("cache shard 3 has no key 17");
		}

		@GetMapping("/busy")
		String busy() {
			throw new RejectedExecutionException("pool exhausted: 200 of 200 threads");
		}

		@GetMapping("/data/{kind}")
		String data(@PathVariable String kind) {
			if (kind.equals("optimistic")) {
				throw new OptimisticLockingFailureException("row 9 of table orders changed");
			}
			throw new DuplicateKeyException("duplicate key value violates unique constraint \"users_email_key\"");
		}

		@GetMapping("/search")
		String search(@RequestParam String q) {
			return q;
		}

		@PostMapping("/items")
		Item create(@Valid @RequestBody Item item) {
			return item;
		}

		@GetMapping("/rate-limited")
		String rateLimited() {
			throw new RateLimitedException("Too many searches.", Duration.ofSeconds(7));
		}

		@GetMapping("/send-error/{status}")
		void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
			response.sendError(status);
		}

		@GetMapping("/slow")
		String slow() throws InterruptedException {
			Thread.sleep(2_000);
			return "late";
		}

	}

	/** Calls this application itself as if it were an upstream service, with RestClient and WebClient. */
	@RestController
	@RequestMapping("/public/upstream")
	static class UpstreamController {

		/** Generous, so that a loaded machine does not turn upstream answers into timeouts. */
		private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

		/** Far shorter than {@code /public/slow} takes to answer. */
		private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(200);

		@GetMapping("/rest-client/{status}")
		String restClient(@PathVariable int status, HttpServletRequest request) {
			return restClient(request, READ_TIMEOUT).get()
				.uri("/public/send-error/{status}", status)
				.retrieve()
				.body(String.class);
		}

		@GetMapping("/rest-client-timeout")
		String restClientTimeout(HttpServletRequest request) {
			return restClient(request, SHORT_READ_TIMEOUT).get().uri("/public/slow").retrieve().body(String.class);
		}

		@GetMapping("/rest-client-socket-timeout")
		String restClientSocketTimeout() {
			throw new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out"));
		}

		@GetMapping("/rest-client-refused")
		String restClientRefused() {
			return RestClient.create().get().uri("http://127.0.0.1:1/").retrieve().body(String.class);
		}

		@GetMapping("/web-client/{status}")
		String webClient(@PathVariable int status, HttpServletRequest request) {
			return webClient(request, READ_TIMEOUT).get()
				.uri("/public/send-error/{status}", status)
				.retrieve()
				.bodyToMono(String.class)
				.block();
		}

		@GetMapping("/web-client-timeout")
		String webClientTimeout(HttpServletRequest request) {
			return webClient(request, SHORT_READ_TIMEOUT).get()
				.uri("/public/slow")
				.retrieve()
				.bodyToMono(String.class)
				.block();
		}

		private static RestClient restClient(HttpServletRequest request, Duration readTimeout) {
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
			factory.setReadTimeout(readTimeout);
			return RestClient.builder().baseUrl(base(request)).requestFactory(factory).build();
		}

		private static WebClient webClient(HttpServletRequest request, Duration readTimeout) {
			JdkClientHttpConnector connector = new JdkClientHttpConnector();
			connector.setReadTimeout(readTimeout);
			return WebClient.builder().baseUrl(base(request)).clientConnector(connector).build();
		}

		private static String base(HttpServletRequest request) {
			return "http://127.0.0.1:" + request.getLocalPort();
		}

	}

	@RestController
	static class PrivateController {

		@GetMapping("/private/me")
		Map<String, Object> me() {
			return Map.of("me", SecurityContextHolder.getContext().getAuthentication().getName());
		}

		@GetMapping("/admin/stats")
		Map<String, Object> stats() {
			return Map.of("users", 1);
		}

		@GetMapping("/private/reports")
		@PreAuthorize("hasRole('ADMIN')")
		Map<String, Object> reports() {
			return Map.of("reports", 0);
		}

	}

}
