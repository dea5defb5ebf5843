package dev.apierrors.it.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.MDC;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiException;
import dev.apierrors.NotFoundException;
import dev.apierrors.ValidationException;

import dev.apierrors.it.TestBearerTokenFilter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The target of the hostile suite: the shape of a real service (security over every path, a bearer-token
 * filter, CORS, a catch-all advice) plus endpoints that fail in every way the suite needs, a customizer and a
 * message source that break on purpose, and a listener that records MDC entries left on a worker thread.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ HostileApplication.OrderController.class, HostileApplication.FaultController.class,
		HostileApplication.AdvisedController.class, HostileApplication.SecuredController.class,
		HostileApplication.MvcCorsController.class, HostileApplication.CatchAllAdvice.class })
public class HostileApplication {

	/** The only origin CORS allows. */
	static final String ALLOWED_ORIGIN = "https://shop.example";

	/** Counts requests that started on a thread whose MDC still held an entry. */
	static final AtomicInteger leakedMdc = new AtomicInteger();

	@Bean
	@Order(1)
	SecurityFilterChain mvcCorsChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/mvc-cors/**").authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/public/**", "/private/**"));
		http.cors(Customizer.withDefaults());
		http.addFilterBefore(new TestBearerTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource() {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.addAllowedOrigin(ALLOWED_ORIGIN);
		configuration.setAllowedMethods(List.of("GET", "POST"));
		configuration.addAllowedHeader("Content-Type");
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		return source;
	}

	/** Fails for the code {@code customizer_trap} and throws a linkage error for {@code linkage_trap}. */
	@Bean
	ApiErrorCustomizer brokenCustomizer() {
		return (error) -> {
			if (error.getCode().equals("customizer_trap")) {
				throw new IllegalStateException("customizer bug at com.acme.internal.Customizer");
			}
			if (error.getCode().equals("linkage_trap")) {
				throw new NoClassDefFoundError("com/acme/optional/Missing");
			}
			if (error.getCode().equals("header_trap")) {
				error.addHeader("X-Injected", "a\r\nSet-Cookie: session=stolen");
			}
		};
	}

	/** A message source that fails for one key, as a broken localisation bundle does. */
	@Bean
	StaticMessageSource messageSource() {
		return new StaticMessageSource() {
			@Override
			protected String resolveCodeWithoutArguments(String code, Locale locale) {
				if (code.equals("hostile.trap")) {
					throw new IllegalStateException("message bundle broken at /etc/secret/messages.properties");
				}
				return super.resolveCodeWithoutArguments(code, locale);
			}
		};
	}

	@Bean
	ServletRequestListener mdcLeakDetector() {
		return new ServletRequestListener() {
			@Override
			public void requestInitialized(ServletRequestEvent event) {
				Map<String, String> context = MDC.getCopyOfContextMap();
				if (context != null && !context.isEmpty()) {
					leakedMdc.incrementAndGet();
				}
			}
		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (request.getRequestURI().equals("/public/filter-leak")) {
							throw new ServletException(new IllegalStateException(request.getHeader("X-Leak")));
						}
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(0);
		return registration;
	}

	record NewOrder(@NotBlank @Size(max = 50) String item, @Min(1) int quantity,
			@Size(max = 3, message = "{hostile.trap}") String note) {
	}

	record Item(@NotBlank String name) {
	}

	record Batch(@Valid List<Item> items) {
	}

	/** An exception whose message cannot be computed. */
	static class BrokenMessageException extends RuntimeException {

		@Override
		public String getMessage() {
			throw new IllegalStateException("getMessage failed");
		}

		@Override
		public String toString() {
			throw new IllegalStateException("toString failed");
		}

	}

	/** A typed exception whose message cannot be computed. */
	static class BrokenTypedException extends ApiException {

		BrokenTypedException() {
			super(HttpStatus.CONFLICT, "broken_typed", "never read");
		}

		@Override
		public String getMessage() {
			throw new IllegalStateException("getMessage failed");
		}

	}

	/** An exception whose cause chain loops back on itself. */
	static class CyclicException extends RuntimeException {

		private RuntimeException next;

		CyclicException(String message) {
			super(message);
		}

		@Override
		public synchronized Throwable getCause() {
			return this.next;
		}

	}

	static RuntimeException cyclic(String first, String second) {
		CyclicException a = new CyclicException(first);
		CyclicException b = new CyclicException(second);
		a.next = b;
		b.next = a;
		return a;
	}

	static RuntimeException deep(int depth) {
		RuntimeException current = new IllegalStateException("root");
		for (int i = 0; i < depth; i++) {
			current = new IllegalStateException("level " + i, current);
		}
		return current;
	}

	@RestController
	@RequestMapping("/public/orders")
	static class OrderController {

		@PostMapping
		Map<String, Object> create(@Valid @RequestBody NewOrder order) {
			return Map.of("item", order.item(), "quantity", order.quantity());
		}

		@GetMapping("/{id}")
		Map<String, Object> order(@PathVariable String id) {
			if (!id.equals("1")) {
				throw new NotFoundException("Order " + id + " does not exist.");
			}
			return Map.of("id", 1, "request_id", String.valueOf(MDC.get("request_id")));
		}

		@PostMapping("/batch")
		Map<String, Object> batch(@Valid @RequestBody Batch batch) {
			return Map.of("items", batch.items().size());
		}

		@GetMapping("/typed-fields")
		String typedFields(@RequestParam int count) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				fields.put("field" + i, "must be valid");
			}
			throw new ValidationException("The order is invalid.", fields);
		}

	}

	/** Failures outside the catch-all advice's reach. */
	@RestController
	@RequestMapping("/public/faults")
	static class FaultController {

		@PostMapping("/orders")
		Map<String, Object> create(@Valid @RequestBody NewOrder order) {
			return Map.of("item", order.item());
		}

		@PostMapping("/leak")
		String leak(@RequestBody String secret) {
			throw new IllegalStateException(secret);
		}

		@PostMapping("/leak-sql")
		String leakSql(@RequestBody String secret) {
			throw new IllegalStateException("query failed", new SQLException(secret, "42000"));
		}

		@PostMapping("/leak-upstream")
		String leakUpstream(@RequestBody String secret) {
			throw HttpServerErrorException.create(HttpStatus.INTERNAL_SERVER_ERROR, secret, null,
					secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}

		@PostMapping("/leak-integrity")
		String leakIntegrity(@RequestBody String secret) {
			throw new DataIntegrityViolationException(secret);
		}

		@GetMapping("/customizer")
		String customizer() {
			throw new ApiException(HttpStatus.CONFLICT, "customizer_trap", "The order is locked.");
		}

		@GetMapping("/linkage")
		String linkage() {
			throw new ApiException(HttpStatus.CONFLICT, "linkage_trap", "The order is locked.");
		}

		@GetMapping("/header")
		String header() {
			throw new ApiException(HttpStatus.CONFLICT, "header_trap", "The order is locked.");
		}

		@GetMapping("/broken-message")
		String brokenMessage() {
			throw new BrokenMessageException();
		}

		@GetMapping("/broken-typed")
		String brokenTyped() {
			throw new BrokenTypedException();
		}

		@GetMapping("/cyclic")
		String cyclicChain() {
			throw cyclic("first", "second");
		}

		@GetMapping("/cyclic-upstream")
		String cyclicUpstream() {
			throw new ResourceAccessException("I/O error", new java.io.IOException("refused", cyclic("a", "b")));
		}

		@GetMapping("/deep")
		String deepChain() {
			throw deep(10_000);
		}

		@GetMapping("/stream")
		StreamingResponseBody stream() {
			return (out) -> {
				out.write("x".repeat(16_384).getBytes(StandardCharsets.US_ASCII));
				out.flush();
				throw new IllegalStateException("stream broke after commit");
			};
		}

		@GetMapping("/slow-stream")
		StreamingResponseBody slowStream() {
			return (out) -> {
				byte[] chunk = "y".repeat(8_192).getBytes(StandardCharsets.US_ASCII);
				for (int i = 0; i < 2_000; i++) {
					out.write(chunk);
					out.flush();
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			};
		}

		@GetMapping("/sse")
		SseEmitter sse() throws IOException {
			SseEmitter emitter = new SseEmitter(10_000L);
			emitter.send(SseEmitter.event().name("first").data("hello"));
			new Thread(() -> emitter.completeWithError(new IllegalStateException("sse broke after commit")),
					"hostile-sse").start();
			return emitter;
		}

	}

	/** Failures that the application's catch-all advice would see first. */
	@RestController
	@RequestMapping("/public/advised")
	static class AdvisedController {

		@GetMapping("/cyclic")
		String cyclicChain() {
			throw cyclic("first", "second");
		}

		@GetMapping("/deep")
		String deepChain() {
			throw deep(10_000);
		}

		@GetMapping("/stream")
		StreamingResponseBody stream() {
			return (out) -> {
				out.write("z".repeat(16_384).getBytes(StandardCharsets.US_ASCII));
				out.flush();
				throw new IllegalStateException("stream broke after commit");
			};
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

		@PostMapping("/csrf/protected")
		Map<String, Object> csrfProtected() {
			return Map.of("ok", true);
		}

	}

	/** CORS answered by Spring MVC's handler mapping (its chain does not configure CORS). */
	@RestController
	@CrossOrigin(origins = ALLOWED_ORIGIN, methods = { org.springframework.web.bind.annotation.RequestMethod.GET })
	@RequestMapping("/mvc-cors")
	static class MvcCorsController {

		@GetMapping("/items")
		Map<String, Object> items() {
			return Map.of("items", 0);
		}

	}

	@RestControllerAdvice(assignableTypes = { AdvisedController.class, OrderController.class })
	static class CatchAllAdvice {

		@ExceptionHandler(Exception.class)
		ResponseEntity<Map<String, Object>> everything(Exception ex) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("handled_by", "catch_all"));
		}

	}

	/**
	 * The codes of the faults, declared so that the error catalog knows them (it finds enums in the application's
	 * packages) and the fault tests see only the problems they provoke.
	 */
	enum FaultCodes implements ApiErrorCode {

		CUSTOMIZER_TRAP, LINKAGE_TRAP, HEADER_TRAP;

		@Override
		public HttpStatusCode status() {
			return HttpStatus.CONFLICT;
		}

		@Override
		public String message() {
			return "The order is locked.";
		}

	}

}
