package dev.apierrors.it;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.apierrors.ApiError;
import dev.apierrors.BadGatewayException;
import dev.apierrors.ConflictException;
import dev.apierrors.ForbiddenException;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.UnauthenticatedException;
import dev.apierrors.ValidationException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The app shape real services have: security rules over every path (the error path included, nothing permits
 * it), a bearer-token filter, method security, and the application's own catch-all advice.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import({ ShopApplication.PublicController.class, ShopApplication.ValidatedController.class,
		ShopApplication.SecuredController.class, ShopApplication.FailureController.class,
		ShopApplication.CatchAllAdvice.class })
public class ShopApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/public/**", "/private/**"));
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
						if (request.getRequestURI().equals("/public/filter-failure")) {
							throw new IllegalStateException("filter failed with secret jdbc:postgresql://db.internal/shop");
						}
						if (request.getRequestURI().equals("/public/status-only-401")) {
							// What a resource server's bearer entry point does: a challenge and a status, no body.
							response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
							response.setStatus(401);
							return;
						}
						if (request.getRequestURI().equals("/public/filter-rate-limit")) {
							throw new RateLimitedException("Slow down.", Duration.ofMillis(2500));
						}
						chain.doFilter(request, response);
					}
				});
		registration.setOrder(0);
		return registration;
	}

	record NewUser(@NotBlank String name, @NotBlank @Email String email, @Min(18) int age,
			@Valid @NotNull Address address) {
	}

	record Address(@NotBlank String city, @Size(min = 5, max = 5) String zipCode) {
	}

	@ApiError(status = HttpStatus.CONFLICT, code = "duplicate_email")
	static class DuplicateEmailException extends RuntimeException {

		DuplicateEmailException(String message) {
			super(message);
		}

	}

	static class ApplicationSpecificException extends RuntimeException {

	}

	static class BrokenMessageException extends RuntimeException {

		@Override
		public String getMessage() {
			throw new IllegalStateException("getMessage failed");
		}

	}

	@RestController
	@RequestMapping("/public")
	static class PublicController {

		@GetMapping("/users/{id}")
		Map<String, Object> user(@PathVariable int id) {
			if (id != 1) {
				throw new NotFoundException("User " + id + " does not exist.");
			}
			return Map.of("id", 1, "name", "Ada");
		}

		@PostMapping("/users")
		Map<String, Object> create(@Valid @RequestBody NewUser user) {
			if (user.email().equals("taken@example.com")) {
				throw new DuplicateEmailException("That email address is already registered.");
			}
			return Map.of("name", user.name());
		}

		@GetMapping("/search")
		Map<String, Object> search(@RequestParam String q, @RequestParam(defaultValue = "10") @Max(100) int limit) {
			return Map.of("q", q, "limit", limit);
		}

		@GetMapping("/header")
		Map<String, Object> header(@RequestHeader("X-Tenant") String tenant) {
			return Map.of("tenant", tenant);
		}

		@GetMapping(path = "/json-only", produces = MediaType.APPLICATION_JSON_VALUE)
		Map<String, Object> jsonOnly() {
			return Map.of("ok", true);
		}

		@PostMapping("/upload")
		Map<String, Object> upload(@RequestParam("file") MultipartFile file) {
			return Map.of("size", file.getSize());
		}

		@GetMapping("/slow")
		Callable<String> slow() {
			return () -> {
				Thread.sleep(2_000);
				return "late";
			};
		}

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("caught by the application's catch-all");
		}

		@GetMapping("/application-specific")
		String applicationSpecific() {
			throw new ApplicationSpecificException();
		}

		@GetMapping("/rate-limited")
		String rateLimited() {
			throw new RateLimitedException("Too many searches.", Duration.ofMillis(1500));
		}

		@GetMapping("/generic-retry")
		String genericRetry() {
			throw new dev.apierrors.ApiException(HttpStatus.SERVICE_UNAVAILABLE, "queue_full", "The queue is full.")
				.withRetryAfter(Duration.ofSeconds(7));
		}

		@GetMapping("/maintenance")
		String maintenance() {
			throw new ServiceUnavailableException("Down for maintenance.");
		}

		@GetMapping("/upstream")
		String upstream() {
			throw new BadGatewayException("The payment provider failed.");
		}

		@GetMapping("/conflict")
		String conflict() {
			throw new ConflictException("order_already_paid", "The order is already paid.");
		}

		@GetMapping("/invalid")
		String invalid() {
			throw new ValidationException("The order is invalid.", Map.of("quantity", "must be positive"));
		}

		@GetMapping("/token")
		String token() {
			throw new UnauthenticatedException("invalid_token", "The token expired.");
		}

		@GetMapping("/documents/{id}")
		String document(@PathVariable String id) {
			throw new ForbiddenException("Document " + id + " belongs to another tenant.").concealAsNotFound();
		}

		@GetMapping("/status")
		String status() {
			throw new ResponseStatusException(HttpStatus.PAYMENT_REQUIRED, "Your plan has expired.");
		}

		@GetMapping("/empty-not-found")
		ResponseEntity<Void> emptyNotFound() {
			return ResponseEntity.notFound().build();
		}

		@GetMapping("/no-content")
		ResponseEntity<Void> noContent() {
			return ResponseEntity.noContent().build();
		}

		@GetMapping("/send-error/{status}")
		void sendError(@PathVariable int status, HttpServletResponse response) throws IOException {
			response.setHeader("X-Legacy", "yes");
			response.sendError(status);
		}

	}

	/** Not covered by the application's advice: its failures reach the starter's fallback. */
	@RestController
	@RequestMapping("/public/failures")
	static class FailureController {

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("SELECT * FROM users WHERE password='hunter2' at com.acme.internal.Db");
		}

		@GetMapping("/broken-message")
		String brokenMessage() {
			throw new BrokenMessageException();
		}

	}

	@RestController
	@Validated
	@RequestMapping("/public/validated")
	static class ValidatedController {

		@GetMapping("/items")
		Map<String, Object> items(@RequestParam @Min(1) int page) {
			return Map.of("page", page);
		}

	}

	@RestController
	static class SecuredController {

		@GetMapping("/private/me")
		Map<String, Object> me() {
			return Map.of("me", SecurityContextHolder.getContext().getAuthentication().getName());
		}

		@PostMapping("/private/echo")
		Map<String, Object> echo(@RequestBody Map<String, Object> body) {
			return body;
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

		@PostMapping("/csrf/protected")
		Map<String, Object> csrfProtected() {
			return Map.of("ok", true);
		}

	}

	/** The application's own handlers: one specific, one catch-all, as real services have. */
	@RestControllerAdvice(assignableTypes = { PublicController.class, ValidatedController.class,
			SecuredController.class })
	static class CatchAllAdvice {

		@ExceptionHandler(ApplicationSpecificException.class)
		ResponseEntity<Map<String, Object>> specific(ApplicationSpecificException ex) {
			return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body(Map.of("handled_by", "application"));
		}

		@ExceptionHandler(Exception.class)
		ResponseEntity<Map<String, Object>> everything(Exception ex) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("handled_by", "catch_all"));
		}

	}

}
