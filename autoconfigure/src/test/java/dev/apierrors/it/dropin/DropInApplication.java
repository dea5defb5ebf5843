package dev.apierrors.it.dropin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiException;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.ConflictException;
import dev.apierrors.FieldNameResolver;
import dev.apierrors.ForbiddenException;
import dev.apierrors.NotFoundException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.ValidationException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * An application that relies on the Spring idioms real services use: {@code @ResponseStatus} exceptions, its own
 * {@code HandlerExceptionResolver}s, headers it sets before failing, wrapped exceptions, a second
 * {@code DispatcherServlet} with advices of its own, and a catch-all advice beside a specific one; plus the
 * extension beans whose failures the starter must survive.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ DropInApplication.IdiomController.class, DropInApplication.CauseController.class,
		DropInApplication.RetryAfterController.class,
		DropInApplication.TextController.class, DropInApplication.RobustnessController.class,
		DropInApplication.ReturnValueService.class, DropInApplication.SpecificCauseAdvice.class,
		DropInApplication.CatchAllAdvice.class })
public class DropInApplication {

	@Bean
	SecurityFilterChain openFilterChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	/** The exception recorded on each request's observation, by path. */
	static final Map<String, Throwable> OBSERVED_ERRORS = new ConcurrentHashMap<>();

	@Bean
	ObservationHandler<ServerRequestObservationContext> errorRecordingObservationHandler() {
		return new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ServerRequestObservationContext;
			}

			@Override
			public void onStop(ServerRequestObservationContext context) {
				if (context.getError() != null) {
					OBSERVED_ERRORS.put(context.getCarrier().getRequestURI(), context.getError());
				}
			}

		};
	}

	/** Locales the message source was asked for, to show that invented ones never reach it. */
	static final Set<Locale> LOOKED_UP_LOCALES = ConcurrentHashMap.newKeySet();

	@Bean
	ResourceBundleMessageSource messageSource() {
		ResourceBundleMessageSource messageSource = new ResourceBundleMessageSource() {

			@Override
			protected @Nullable String resolveCodeWithoutArguments(String code, Locale locale) {
				LOOKED_UP_LOCALES.add(locale);
				if (code.equals("api.errors.message.teapot_broken")) {
					throw new IllegalStateException("message bundle broken");
				}
				return super.resolveCodeWithoutArguments(code, locale);
			}

		};
		messageSource.setBasename("dropin-messages");
		messageSource.setDefaultEncoding("UTF-8");
		return messageSource;
	}

	/** An application resolver that answers its own legacy exceptions the way it always did. */
	@Bean
	HandlerExceptionResolver legacyExceptionResolver() {
		return (request, response, handler, exception) -> {
			try {
				if (exception instanceof LegacyException) {
					response.setStatus(418);
					response.setContentType("text/plain");
					response.getWriter().write("legacy resolver");
					return new ModelAndView();
				}
				if (exception instanceof LegacySendErrorException) {
					response.sendError(410);
					return new ModelAndView();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return null;
		};
	}

	/** An application resolver ordered before Spring MVC's, for an exception the starter would also know. */
	@Bean
	HandlerExceptionResolver priorityExceptionResolver() {
		return new PriorityResolver();
	}

	@Bean
	ApiExceptionMapper explodingMapper() {
		return (exception) -> {
			if (exception instanceof MapperBombException) {
				throw new IllegalStateException("mapper failed");
			}
			return null;
		};
	}

	@Bean
	FieldNameResolver explodingFieldNames() {
		return (type, path) -> {
			if (type == ExplodingForm.class) {
				throw new IllegalStateException("field names failed");
			}
			return path;
		};
	}

	@Bean
	ApiErrorCustomizer contractBreakingCustomizer() {
		return (error) -> {
			if (error.getCode().equals("customized")) {
				error.addHeader("X-Allowed", "yes");
				tryAdd(() -> error.addHeader("Content-Type", "text/html"));
				tryAdd(() -> error.addHeader("X-Request-Id", "forged"));
				tryAdd(() -> error.addHeader("Bad Header", "x"));
				tryAdd(() -> error.addHeader("X-Split", "a\r\nSet-Cookie: x=1"));
				tryAdd(() -> error.addHeader("Retry-After", "1"));
				error.addMember("customized_by", "probe");
			}
		};
	}

	private static void tryAdd(Runnable addition) {
		try {
			addition.run();
		}
		catch (IllegalArgumentException ex) {
			// Rejected, as it must be.
		}
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> bombFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (request.getRequestURI().equals("/filter/mapper-bomb")) {
							throw new MapperBombException();
						}
						chain.doFilter(request, response);
					}

				});
		registration.setOrder(0);
		return registration;
	}

	/** A second DispatcherServlet, under /child, with a context and an advice of its own. */
	@Bean
	ServletRegistrationBean<DispatcherServlet> childDispatcherServlet(ApplicationContext parent) {
		AnnotationConfigWebApplicationContext child = new AnnotationConfigWebApplicationContext();
		child.setParent(parent);
		child.register(ChildConfiguration.class);
		ServletRegistrationBean<DispatcherServlet> registration = new ServletRegistrationBean<>(
				new DispatcherServlet(child), "/child/*");
		registration.setName("child");
		registration.setLoadOnStartup(1);
		return registration;
	}

	static final class PriorityResolver implements HandlerExceptionResolver, Ordered {

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
				@Nullable Object handler, Exception exception) {
			if (exception instanceof PriorityNotFoundException) {
				try {
					response.setStatus(404);
					response.setContentType("application/json");
					response.getWriter().write("{\"legacy\":true}");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				return new ModelAndView();
			}
			return null;
		}

	}

	@EnableWebMvc
	@Import({ ChildController.class, ChildAdvice.class })
	static class ChildConfiguration {

	}

	@RestController
	static class ChildController {

		@GetMapping("/known")
		String known() {
			throw new ChildConflictException();
		}

	}

	@RestControllerAdvice
	static class ChildAdvice {

		@ExceptionHandler(ChildConflictException.class)
		ResponseEntity<String> handle() {
			return ResponseEntity.status(418).body("child advice");
		}

	}

	@RestController
	@RequestMapping("/idioms")
	static class IdiomController {

		@GetMapping("/response-status")
		String responseStatus() {
			throw new OrderShippedException();
		}

		@GetMapping("/response-status-reason")
		String responseStatusReason() {
			throw new ReasonedException();
		}

		@GetMapping("/response-status-subclass")
		String responseStatusSubclass() {
			throw new SpecificShippedException();
		}

		@GetMapping("/response-status-cause")
		String responseStatusCause() {
			throw new IllegalStateException("wrapper", new ReasonedException());
		}

		@GetMapping("/response-status-interface")
		String responseStatusInterface() {
			throw new RetiredFeatureException();
		}

		@GetMapping("/response-status-method")
		@ResponseStatus(code = HttpStatus.GONE, reason = "This API version was retired.")
		void responseStatusMethod() {
		}

		@GetMapping("/legacy")
		String legacy() {
			throw new LegacyException();
		}

		@GetMapping("/legacy-send-error")
		String legacySendError() {
			throw new LegacySendErrorException();
		}

		@GetMapping("/priority")
		String priority() {
			throw new PriorityNotFoundException();
		}

		@GetMapping("/completion")
		String completion() {
			throw new CompletionException(new NotFoundException("user_not_found", "No user has id 7."));
		}

		@GetMapping("/execution")
		String execution() throws ExecutionException {
			throw new ExecutionException(new ConflictException("order_locked", "The order is locked."));
		}

		@GetMapping("/undeclared")
		String undeclared() {
			throw new UndeclaredThrowableException(
					new ValidationException("Invalid order.", Map.of("quantity", "must be positive")));
		}

		@GetMapping("/wrapped-rse")
		String wrappedResponseStatusException() {
			throw new IllegalStateException("lookup failed",
					new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order."));
		}

		@GetMapping("/assertion")
		String assertion() {
			throw new AssertionError("invariant broken");
		}

		@GetMapping("/no-such-element")
		String noSuchElement() {
			return Optional.<String>empty().orElseThrow();
		}

		@GetMapping("/query-object")
		String queryObject(@Valid Paging paging) {
			return "page " + paging.page();
		}

		@GetMapping("/model-attribute")
		String modelAttribute(@ModelAttribute Paging paging) {
			return "page " + paging.page();
		}

		@GetMapping("/concealed")
		String concealed() {
			throw new ForbiddenException("tenant_mismatch", "Document 42 belongs to another tenant.")
				.concealAsNotFound();
		}

	}

	/** Its exceptions meet a specific advice for a deep cause and a catch-all advice. */
	@RestController
	@RequestMapping("/causes")
	static class CauseController {

		@GetMapping("/specific")
		String specificCause() {
			throw new OuterException(new MiddleException(new TeapotCause()));
		}

		@GetMapping("/known")
		String knownCause() {
			throw new OuterException(new MiddleException(new NotFoundException("order_not_found", "No order 9.")));
		}

	}

	@RestController
	@RequestMapping("/retry-after")
	static class RetryAfterController {

		@GetMapping("/send-error")
		void sendError(HttpServletResponse response) throws IOException {
			response.setHeader("Retry-After", "120");
			response.sendError(503);
		}

		@GetMapping("/exception-header")
		String exceptionHeader() {
			throw new ServiceUnavailableException("Down for maintenance.").withHeader("Retry-After", "300");
		}

		@GetMapping("/api-exception-header")
		String apiExceptionHeader() {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "slow_down", "Slow down.")
				.withHeader("Retry-After", "300");
		}

		@GetMapping("/entity")
		ResponseEntity<Void> entity() {
			return ResponseEntity.status(503).header("Retry-After", "120").build();
		}

		@GetMapping("/entity-date")
		ResponseEntity<Void> entityDate() {
			String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
			return ResponseEntity.status(429).header("Retry-After", at).build();
		}

		@GetMapping("/before-throw")
		String beforeThrow(HttpServletResponse response) {
			response.setHeader("Retry-After", "45");
			throw new ServiceUnavailableException("Busy.");
		}

		@GetMapping("/explicit-wins")
		String explicitWins(HttpServletResponse response) {
			response.setHeader("Retry-After", "45");
			throw new ServiceUnavailableException("Busy.", java.time.Duration.ofSeconds(7));
		}

		@GetMapping("/default")
		String defaultDelay() {
			throw new ServiceUnavailableException("Busy.");
		}

	}

	@RestController
	@RequestMapping("/text")
	static class TextController {

		@GetMapping("/rse-500")
		String rse500() {
			throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR,
					"jdbc:postgresql://db.internal:5432 password=hunter2");
		}

		@GetMapping("/rse-503")
		String rse503() {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "pool exhausted at 10.0.0.5");
		}

		@GetMapping("/rse-409")
		String rse409() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "The order has already shipped.");
		}

		@GetMapping("/error-response-500")
		String errorResponse500() {
			throw new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR,
					ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "secret host db.internal"), null);
		}

		@GetMapping("/error-response-409")
		String errorResponse409() {
			throw new ErrorResponseException(HttpStatus.CONFLICT,
					ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The cart is locked."), null);
		}

		@GetMapping("/error-response-304")
		String errorResponse304() {
			throw new ErrorResponseException(HttpStatus.NOT_MODIFIED);
		}

		@GetMapping("/response-status-500")
		String responseStatus500() {
			throw new LeakyServerException();
		}

		@GetMapping("/api-error-cause")
		String apiErrorCause() {
			throw new DuplicateUserException(
					new SQLException("duplicate key value violates unique constraint \"users_email_key\""));
		}

		@GetMapping("/api-error-derived")
		String apiErrorDerived() {
			SQLException cause = new SQLException("duplicate key value violates unique constraint \"users_email_key\"");
			throw new DuplicateUserException("Insert failed: " + cause.getMessage(), cause);
		}

		@GetMapping("/api-error-own-message")
		String apiErrorOwnMessage() {
			throw new DuplicateUserException("That email address is already registered.", null);
		}

		@GetMapping("/api-error-declared-message")
		String apiErrorDeclaredMessage() {
			throw new DeclaredMessageException(new SQLException("constraint users_email_key"));
		}

		@GetMapping("/customized")
		String customized() {
			throw new ApiException(HttpStatus.CONFLICT, "customized", "Customized.");
		}

	}

	@RestController
	@RequestMapping("/robust")
	static class RobustnessController {

		private final ReturnValueService service;

		RobustnessController(ReturnValueService service) {
			this.service = service;
		}

		@GetMapping("/mapper-bomb")
		String mapperBomb() {
			throw new MapperBombException();
		}

		@PostMapping("/field-names")
		String fieldNames(@Valid @RequestBody ExplodingForm form) {
			return form.name();
		}

		@GetMapping("/message-source")
		String messageSource() {
			throw new ApiException(HttpStatus.CONFLICT, "teapot_broken", "Default text.");
		}

		@GetMapping("/localised")
		String localised() {
			throw new NotFoundException("localised_missing", "Missing.");
		}

		@GetMapping("/return-value")
		@Size(max = 1)
		List<String> returnValue() {
			return List.of("a", "b", "c");
		}

		@GetMapping("/service-return-value")
		String serviceReturnValue() {
			return this.service.name();
		}

		@GetMapping("/writer-then-fail")
		void writerThenFail(Writer writer) throws IOException {
			writer.write("{\"partial\":");
			throw new IllegalStateException("failed while writing");
		}

		@GetMapping("/stream-then-fail")
		void streamThenFail(OutputStream stream) throws IOException {
			stream.write("{\"partial\":".getBytes(StandardCharsets.UTF_8));
			throw new IllegalStateException("failed while streaming");
		}

	}

	@Service
	@Validated
	static class ReturnValueService {

		@NotNull
		String name() {
			return null;
		}

	}

	@RestControllerAdvice(assignableTypes = CauseController.class)
	@Order(1)
	static class SpecificCauseAdvice {

		@ExceptionHandler(TeapotCause.class)
		ResponseEntity<String> teapot() {
			return ResponseEntity.status(418).body("specific advice");
		}

	}

	@RestControllerAdvice(assignableTypes = CauseController.class)
	@Order(2)
	static class CatchAllAdvice {

		@ExceptionHandler(Exception.class)
		ResponseEntity<String> anything() {
			return ResponseEntity.status(500).body("catch-all advice");
		}

	}

	record Paging(@Min(1) int size, @Min(0) int page) {
	}

	record ExplodingForm(@NotBlank String name) {
	}

	@ResponseStatus(HttpStatus.CONFLICT)
	static class OrderShippedException extends RuntimeException {

	}

	static class SpecificShippedException extends OrderShippedException {

	}

	@ResponseStatus(code = HttpStatus.CONFLICT, reason = "The order has already shipped.")
	static class ReasonedException extends RuntimeException {

	}

	@ResponseStatus(HttpStatus.GONE)
	interface Retired {

	}

	static class RetiredFeatureException extends RuntimeException implements Retired {

	}

	@ResponseStatus(code = HttpStatus.INTERNAL_SERVER_ERROR, reason = "jdbc:postgresql://db.internal:5432 password=hunter2")
	static class LeakyServerException extends RuntimeException {

	}

	@ApiError(status = HttpStatus.CONFLICT, code = "duplicate_user")
	static class DuplicateUserException extends RuntimeException {

		DuplicateUserException(Throwable cause) {
			super(cause);
		}

		DuplicateUserException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

	@ApiError(status = HttpStatus.CONFLICT, code = "duplicate_user", message = "That user already exists.")
	static class DeclaredMessageException extends RuntimeException {

		DeclaredMessageException(Throwable cause) {
			super(cause);
		}

	}

	static class LegacyException extends RuntimeException {

	}

	static class LegacySendErrorException extends RuntimeException {

	}

	static class PriorityNotFoundException extends NotFoundException {

		PriorityNotFoundException() {
			super("Handled by the application's own resolver.");
		}

	}

	static class ChildConflictException extends ConflictException {

		ChildConflictException() {
			super("Handled by the child context's advice.");
		}

	}

	static class MapperBombException extends RuntimeException {

	}

	static class OuterException extends RuntimeException {

		OuterException(Throwable cause) {
			super("outer", cause);
		}

	}

	static class MiddleException extends RuntimeException {

		MiddleException(Throwable cause) {
			super("middle", cause);
		}

	}

	static class TeapotCause extends RuntimeException {

	}

}
