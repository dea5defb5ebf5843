package dev.apierrors.it.headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.apierrors.ConflictException;
import dev.apierrors.ForbiddenException;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.UnauthenticatedException;

import dev.apierrors.it.TestBearerTokenFilter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.CallableProcessingInterceptor;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * An app with every origin of a response the header contract covers: handlers, filters that write their own
 * 401/429/503, the error dispatch, Spring Security (a bearer-token chain with CORS, and an HTTP Basic chain that
 * keeps its own challenge), MVC async ({@code Callable}, {@code DeferredResult}) and {@code @Async} work.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@Import({ HeadersApplication.ContractController.class, HeadersApplication.AsyncController.class,
		HeadersApplication.SecuredController.class, HeadersApplication.MdcService.class })
public class HeadersApplication {

	/** The MDC key the starter documents. */
	static final String MDC_KEY = "request_id";

	static final String ALLOWED_ORIGIN = "https://app.example";

	@Bean
	@Order(1)
	SecurityFilterChain basicChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/basic/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.cors(Customizer.withDefaults());
		http.csrf((csrf) -> csrf.disable());
		http.addFilterBefore(new TestBearerTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(User.withUsername("ada").password("{noop}secret").roles("USER").build());
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource() {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(List.of(ALLOWED_ORIGIN));
		configuration.setAllowedMethods(List.of("GET", "POST"));
		configuration.setExposedHeaders(List.of("Request-Id"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

	/**
	 * Makes Spring MVC's timeout race deterministic: on a timeout the task is interrupted first, and this slow
	 * timeout callback lets the interrupted task report its {@link InterruptedException} before the timeout.
	 */
	@Bean
	WebMvcConfigurer slowTimeoutCallback() {
		return new WebMvcConfigurer() {

			@Override
			public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
				configurer.registerCallableInterceptors(new CallableProcessingInterceptor() {

					@Override
					public <T> Object handleTimeout(NativeWebRequest request, Callable<T> task) throws Exception {
						Thread.sleep(200);
						return RESULT_NONE;
					}

				});
			}

		};
	}

	/** Writes responses itself, after Spring Security, the way application and library filters do. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> selfAnsweringFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						switch (request.getRequestURI()) {
							case "/public/filter/401" -> write(response, 401);
							case "/public/filter/429" -> write(response, 429);
							case "/public/filter/503" -> write(response, 503);
							case "/public/filter/401-own-challenge" -> {
								response.setStatus(401);
								response.addHeader("WWW-Authenticate", "ApiKey realm=\"partners\"");
								response.getWriter().write("{\"own\":true}");
							}
							case "/public/filter/503-own-retry-after" -> {
								response.setStatus(503);
								response.addIntHeader("Retry-After", 120);
								response.getWriter().write("{\"own\":true}");
							}
							case "/public/filter/failure" -> throw new IllegalStateException("filter failed");
							default -> chain.doFilter(request, response);
						}
					}
				});
		registration.setOrder(0);
		return registration;
	}

	private static void write(HttpServletResponse response, int status) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.getOutputStream().write("written by a filter".getBytes(StandardCharsets.UTF_8));
	}

	/** Reports the MDC of the thread that runs an {@code @Async} method. */
	@Service
	static class MdcService {

		@Async
		CompletableFuture<String> requestIdSeenByTask() {
			return CompletableFuture.completedFuture(String.valueOf(MDC.get(MDC_KEY)));
		}

	}

	@RestController
	@RequestMapping("/public")
	static class ContractController {

		private static final Logger logger = LoggerFactory.getLogger(ContractController.class);

		private final MdcService mdcService;

		ContractController(MdcService mdcService) {
			this.mdcService = mdcService;
		}

		@GetMapping("/echo")
		Map<String, String> echo() {
			return Map.of("mdc", String.valueOf(MDC.get(MDC_KEY)));
		}

		@GetMapping("/log")
		Map<String, String> log(@RequestParam String marker) {
			logger.info("handling {}", marker);
			return Map.of("logged", marker);
		}

		@GetMapping("/missing")
		String missing() {
			throw new NotFoundException("mdc=" + MDC.get(MDC_KEY));
		}

		@GetMapping("/task")
		Map<String, String> task() throws Exception {
			return Map.of("mdc", this.mdcService.requestIdSeenByTask().get());
		}

		@GetMapping("/rate-limited/{millis}")
		String rateLimited(@PathVariable long millis) {
			throw new RateLimitedException("Slow down.", Duration.ofMillis(millis));
		}

		@GetMapping("/rate-limited")
		String rateLimitedWithDefault() {
			throw new RateLimitedException("Slow down.");
		}

		@GetMapping("/maintenance")
		String maintenance() {
			throw new ServiceUnavailableException("Down for maintenance.");
		}

		@GetMapping("/send-error/{status}")
		void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
			response.sendError(status);
		}

		@GetMapping("/entity/503")
		ResponseEntity<Map<String, Object>> entity503() {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("own", true));
		}

		@GetMapping("/token")
		String token() {
			throw new UnauthenticatedException("invalid_token", "The token expired.");
		}

		@GetMapping("/hostile-token")
		String hostileToken() {
			throw new UnauthenticatedException("invalid_token",
					"Bad \"token\" \\ here\r\nX-Injected: yes \u00fcml\u00e4ut \u20ac end");
		}

		@GetMapping("/scope")
		String scope() {
			throw new ForbiddenException("insufficient_scope", "Needs the orders:write scope.");
		}

		@GetMapping("/headers-then-error")
		String headersThenError(HttpServletResponse response) {
			response.setHeader("X-Custom", "kept");
			response.setHeader("Cache-Control", "max-age=3600");
			response.setHeader("Content-Encoding", "gzip");
			response.setHeader("Content-Disposition", "attachment; filename=\"report.pdf\"");
			throw new ConflictException("The report is being generated.");
		}

		@GetMapping("/two-links")
		String twoLinks() {
			ErrorResponseException ex = new ErrorResponseException(HttpStatus.CONFLICT);
			ex.getHeaders().add("Link", "</docs/conflicts>; rel=\"help\"");
			ex.getHeaders().add("Link", "</orders/7>; rel=\"related\"");
			throw ex;
		}

		@GetMapping("/reset")
		Map<String, Object> reset(HttpServletResponse response) {
			response.setHeader("X-Before-Reset", "gone");
			response.reset();
			return Map.of("reset", true);
		}

		@GetMapping("/only-get")
		Map<String, Object> onlyGet() {
			return Map.of("ok", true);
		}

		@PostMapping(path = "/json-only", consumes = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> jsonOnly(@RequestBody Map<String, Object> body) {
			return body;
		}

	}

	@RestController
	@RequestMapping("/public/async")
	static class AsyncController {

		@GetMapping("/echo")
		Callable<Map<String, String>> echo() {
			return () -> Map.of("mdc", String.valueOf(MDC.get(MDC_KEY)), "thread", Thread.currentThread().getName());
		}

		@GetMapping("/missing")
		Callable<String> missing() {
			return () -> {
				throw new NotFoundException("mdc=" + MDC.get(MDC_KEY));
			};
		}

		@GetMapping("/slow")
		Callable<String> slow() {
			return () -> {
				Thread.sleep(10_000);
				return "late";
			};
		}

		@GetMapping("/stream")
		StreamingResponseBody stream() {
			return (out) -> out.write(("{\"mdc\":\"" + MDC.get(MDC_KEY) + "\"}").getBytes(StandardCharsets.UTF_8));
		}

		@GetMapping("/deferred-missing")
		DeferredResult<String> deferredMissing() {
			DeferredResult<String> result = new DeferredResult<>();
			CompletableFuture.runAsync(() -> result.setErrorResult(new NotFoundException("Gone while waiting.")));
			return result;
		}

	}

	@RestController
	static class SecuredController {

		@GetMapping("/private/me")
		Map<String, Object> me() {
			return Map.of("me", SecurityContextHolder.getContext().getAuthentication().getName());
		}

		@GetMapping("/admin/stats")
		Map<String, Object> stats() {
			return Map.of("users", 1);
		}

		@GetMapping("/basic/hello")
		Map<String, Object> hello() {
			return Map.of("hello", SecurityContextHolder.getContext().getAuthentication().getName());
		}

	}

}
