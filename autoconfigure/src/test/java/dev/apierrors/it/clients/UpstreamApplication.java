package dev.apierrors.it.clients;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.apierrors.GoneException;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.ValidationException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service B, the upstream: a service with the starter whose errors the gateway receives, plus the bodies of
 * services without it (problem details of another framework, a plain-text error) and an endpoint that echoes the
 * request id and tracing headers it received.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(UpstreamApplication.UsersController.class)
public class UpstreamApplication {

	static final String SECRET = "jdbc:postgresql://users-db.internal/users";

	@Bean
	SecurityFilterChain openChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@RestController
	static class UsersController {

		@GetMapping("/b/{scenario}")
		Object scenario(@PathVariable String scenario, HttpServletRequest request) throws InterruptedException {
			return switch (scenario) {
				case "ok" -> Map.of("name", "Ada");
				case "not-found" -> throw new NotFoundException("user_not_found", "No user has id 7.");
				case "invalid" -> throw new ValidationException("The user is invalid.",
						Map.of("email", "must be a well-formed email address"));
				case "limited" -> throw new RateLimitedException("Slow down.", Duration.ofSeconds(7));
				case "unavailable" -> throw new ServiceUnavailableException("Maintenance.", Duration.ofSeconds(9));
				case "crash" -> throw new IllegalStateException("connection to " + SECRET + " lost");
				case "closed-account" -> throw new GoneException("account_closed", "Account 7 was closed.");
				case "slow" -> {
					Thread.sleep(3_000);
					yield Map.of("name", "late");
				}
				case "echo" -> echo(request);
				case "problem" -> ResponseEntity.status(HttpStatus.FORBIDDEN)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body("{\"type\":\"https://example.com/probs/out-of-credit\",\"title\":\"You do not have enough "
							+ "credit.\",\"status\":403,\"detail\":\"Your current balance is 30, but that costs 50.\","
							+ "\"invalid-params\":[{\"name\":\"amount\",\"reason\":\"must not exceed the balance\"}]}");
				case "plain" -> ResponseEntity.status(HttpStatus.NOT_FOUND)
					.contentType(MediaType.TEXT_PLAIN)
					.body("no such user, see " + SECRET);
				case "foreign-json" -> ResponseEntity.status(HttpStatus.NOT_FOUND)
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"status\":404,\"error\":\"Not Found\","
							+ "\"message\":\"\",\"path\":\"/users/7\"}");
				default -> throw new NotFoundException("No scenario " + scenario + ".");
			};
		}

		private static Map<String, Object> echo(HttpServletRequest request) {
			Map<String, Object> echo = new LinkedHashMap<>();
			echo.put("request_id", request.getHeader("X-Request-Id"));
			echo.put("request_id_headers", java.util.Collections.list(request.getHeaders("X-Request-Id")).size());
			echo.put("traceparent_headers", java.util.Collections.list(request.getHeaders("traceparent")).size());
			return echo;
		}

	}

}
