package dev.apierrors.observability;

import java.io.IOException;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.ApiException;
import dev.apierrors.NotFoundException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service with actuator metrics and an OpenTelemetry tracer whose spans stay in memory: a typed 404, a
 * validation 422, Spring Security's 401, a servlet filter's 500, codes invented at run time.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ObservedApplication.OrderController.class)
public class ObservedApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/private/**")
			.authenticated()
			.anyRequest()
			.permitAll());
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	InMemorySpanExporter spanExporter() {
		return InMemorySpanExporter.create();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (request.getRequestURI().equals("/filter-failure")) {
							throw new IllegalStateException("The filter failed");
						}
						chain.doFilter(request, response);
					}

				});
		registration.setOrder(0);
		return registration;
	}

	enum OrderError implements ApiErrorCode {

		ORDER_NOT_FOUND;

		@Override
		public HttpStatusCode status() {
			return HttpStatus.NOT_FOUND;
		}

		@Override
		public String message() {
			return "No such order.";
		}

	}

	record NewOrder(@NotBlank String item, @Min(1) int quantity) {
	}

	@RestController
	static class OrderController {

		@GetMapping("/orders/{id}")
		String order(@PathVariable long id) {
			if (id == 1) {
				return "order 1";
			}
			throw new NotFoundException(OrderError.ORDER_NOT_FOUND, "No order has id " + id + ".");
		}

		@PostMapping("/orders")
		String create(@Valid @RequestBody NewOrder order) {
			return "created";
		}

		@GetMapping("/private/orders")
		String privateOrders() {
			return "private";
		}

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("Connection refused: db.internal:5432");
		}

		@GetMapping("/invented/{code}")
		String invented(@PathVariable String code) {
			throw new ApiException(HttpStatus.CONFLICT, code, "An invented code.");
		}

	}

}
