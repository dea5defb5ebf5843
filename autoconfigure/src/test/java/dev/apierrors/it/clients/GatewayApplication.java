package dev.apierrors.it.clients;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.GoneException;
import dev.apierrors.UpstreamErrorException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.resilience.annotation.ConcurrencyLimit;
import org.springframework.resilience.annotation.ConcurrencyLimit.ThrottlePolicy;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Service A, the gateway: calls service B through an HTTP interface client ({@code @ImportHttpServices}), a
 * {@code RestClient} and a {@code WebClient}, all built from what Spring Boot configures, and answers with what B
 * answered. It maps one upstream code itself, as an application may.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ImportHttpServices(group = "users", types = GatewayApplication.UsersClient.class)
@ImportHttpServices(group = "slow", types = GatewayApplication.SlowUsersClient.class)
@ImportHttpServices(group = "closed", types = GatewayApplication.ClosedUsersClient.class)
@EnableResilientMethods
@Import({ GatewayApplication.GatewayController.class, GatewayApplication.ResilienceController.class,
		GatewayApplication.Throttled.class })
public class GatewayApplication {

	/** Far shorter than B's slow endpoint takes to answer. */
	static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(500);

	@Bean
	SecurityFilterChain openChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	/** The application's own decision for one upstream code: B's closed account is our 410 too. */
	@Bean
	ApiExceptionMapper closedAccounts() {
		return (exception) -> (exception instanceof UpstreamErrorException upstream
				&& upstream.getCode().equals("account_closed"))
						? new GoneException("account_closed", "This account was closed.") : null;
	}

	@Bean
	CircuitBreakerRegistry circuitBreakerRegistry() {
		return CircuitBreakerRegistry
			.of(CircuitBreakerConfig.custom().waitDurationInOpenState(Duration.ofSeconds(42)).build());
	}

	@Bean
	RateLimiterRegistry rateLimiterRegistry() {
		return RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofSeconds(5))
			.timeoutDuration(Duration.ZERO)
			.build());
	}

	/** A method that admits one caller at a time and rejects the others. */
	static class Throttled {

		@ConcurrencyLimit(limit = 1, policy = ThrottlePolicy.REJECT)
		String enter(java.util.function.Supplier<String> work) {
			return work.get();
		}

	}

	/** The failures resilience libraries raise, escaping handlers. */
	@RestController
	static class ResilienceController {

		private final CircuitBreakerRegistry breakers;

		private final RateLimiterRegistry limiters;

		private final Throttled throttled;

		private final UsersClient users;

		ResilienceController(CircuitBreakerRegistry breakers, RateLimiterRegistry limiters, Throttled throttled,
				UsersClient users) {
			this.breakers = breakers;
			this.limiters = limiters;
			this.throttled = throttled;
			this.users = users;
		}

		@GetMapping("/resilience/open-circuit")
		String openCircuit() {
			CircuitBreaker breaker = this.breakers.circuitBreaker("users");
			breaker.transitionToOpenState();
			return breaker.executeSupplier(() -> "never");
		}

		@GetMapping("/resilience/rate-limited")
		String rateLimited() {
			RateLimiter limiter = this.limiters.rateLimiter("search");
			limiter.executeSupplier(() -> "first");
			return limiter.executeSupplier(() -> "second");
		}

		@GetMapping("/resilience/concurrency-limit")
		String concurrencyLimit() {
			// The inner call comes while the outer one holds the only permit.
			return this.throttled.enter(() -> this.throttled.enter(() -> "never"));
		}

		@GetMapping("/resilience/retried")
		String retried() throws RetryException {
			RetryTemplate retry = new RetryTemplate(
					RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(10)).build());
			return retry.execute(() -> this.users.call("unavailable"));
		}

	}

	interface UsersClient {

		@GetExchange("/b/{scenario}")
		String call(@PathVariable String scenario);

	}

	interface SlowUsersClient {

		@GetExchange("/b/{scenario}")
		String call(@PathVariable String scenario);

	}

	interface ClosedUsersClient {

		@GetExchange("/b/{scenario}")
		String call(@PathVariable String scenario);

	}

	@RestController
	static class GatewayController {

		private final Map<String, Caller> callers = new LinkedHashMap<>();

		private final Map<String, Caller> slowCallers = new LinkedHashMap<>();

		private final Map<String, Caller> closedCallers = new LinkedHashMap<>();

		private final Map<String, Caller> undecodedCallers = new LinkedHashMap<>();

		GatewayController(UsersClient users, SlowUsersClient slowUsers, ClosedUsersClient closedUsers,
				RestClient.Builder restClients, WebClient.Builder webClients, Environment environment) {
			String upstream = environment.getRequiredProperty("upstream.url");
			String closed = environment.getRequiredProperty("upstream.closed-url");
			RestClient rest = restClients.clone().baseUrl(upstream).build();
			RestClient slowRest = restClients.clone().baseUrl(upstream).requestFactory(shortReadTimeout()).build();
			RestClient closedRest = restClients.clone().baseUrl(closed).build();
			RestClient undecodedRest = restClients.clone()
				.baseUrl(upstream)
				.defaultRequest((request) -> request.attribute(UpstreamErrorException.DECODE_ATTRIBUTE, false))
				.build();
			WebClient web = webClients.clone().baseUrl(upstream).build();
			JdkClientHttpConnector connector = new JdkClientHttpConnector();
			connector.setReadTimeout(SHORT_READ_TIMEOUT);
			WebClient slowWeb = webClients.clone().baseUrl(upstream).clientConnector(connector).build();
			WebClient closedWeb = webClients.clone().baseUrl(closed).build();
			WebClient undecodedWeb = webClients.clone()
				.baseUrl(upstream)
				.defaultRequest((request) -> request.attribute(UpstreamErrorException.DECODE_ATTRIBUTE, false))
				.build();
			this.callers.put("interface", users::call);
			this.callers.put("rest-client", restClient(rest));
			this.callers.put("web-client", webClient(web));
			this.slowCallers.put("interface", slowUsers::call);
			this.slowCallers.put("rest-client", restClient(slowRest));
			this.slowCallers.put("web-client", webClient(slowWeb));
			this.closedCallers.put("interface", closedUsers::call);
			this.closedCallers.put("rest-client", restClient(closedRest));
			this.closedCallers.put("web-client", webClient(closedWeb));
			this.undecodedCallers.put("rest-client", restClient(undecodedRest));
			this.undecodedCallers.put("web-client", webClient(undecodedWeb));
		}

		private static JdkClientHttpRequestFactory shortReadTimeout() {
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory();
			factory.setReadTimeout(SHORT_READ_TIMEOUT);
			return factory;
		}

		private static Caller restClient(RestClient client) {
			return (scenario) -> client.get().uri("/b/{scenario}", scenario).retrieve().body(String.class);
		}

		private static Caller webClient(WebClient client) {
			return (scenario) -> client.get()
				.uri("/b/{scenario}", scenario)
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(20));
		}

		/** Answers with B's answer: B's errors escape the handler. */
		@GetMapping("/call/{via}/{scenario}")
		String call(@PathVariable String via, @PathVariable String scenario) {
			return this.callers.get(via).call(scenario);
		}

		@GetMapping("/slow/{via}")
		String slow(@PathVariable String via) {
			return this.slowCallers.get(via).call("slow");
		}

		@GetMapping("/closed/{via}")
		String closed(@PathVariable String via) {
			return this.closedCallers.get(via).call("ok");
		}

		/** Shows what the caller sees: the decoded exception's view of B's error. */
		@GetMapping("/inspect/{via}/{scenario}")
		Map<String, Object> inspect(@PathVariable String via, @PathVariable String scenario) {
			return seen(this.callers.get(via), scenario);
		}

		/** The same with decoding switched off for the client. */
		@GetMapping("/inspect-undecoded/{via}/{scenario}")
		Map<String, Object> inspectUndecoded(@PathVariable String via, @PathVariable String scenario) {
			return seen(this.undecodedCallers.get(via), scenario);
		}

		private static Map<String, Object> seen(Caller caller, String scenario) {
			Map<String, Object> seen = new LinkedHashMap<>();
			try {
				seen.put("body", caller.call(scenario));
			}
			catch (UpstreamErrorException ex) {
				seen.put("exception", ex.getClass().getSimpleName());
				seen.put("status", ex.getStatusCode().value());
				seen.put("code", ex.getCode());
				seen.put("message", ex.getUpstreamMessage());
				seen.put("fields", ex.getFields());
				seen.put("retry_after", (ex.getRetryAfter() != null) ? ex.getRetryAfter().toSeconds() : null);
				seen.put("request_id", ex.getRequestId());
				seen.put("method", String.valueOf(ex.getMethod()));
				seen.put("uri", String.valueOf(ex.getUri()));
				seen.put("exception_message", ex.getMessage());
				seen.put("to_string", ex.toString());
				seen.put("response_body", ex.getResponseBody());
			}
			catch (RestClientResponseException ex) {
				seen.put("exception", ex.getClass().getName());
				seen.put("status", ex.getStatusCode().value());
			}
			catch (WebClientResponseException ex) {
				seen.put("exception", ex.getClass().getName());
				seen.put("status", ex.getStatusCode().value());
			}
			return seen;
		}

	}

	@FunctionalInterface
	interface Caller {

		String call(String scenario);

	}

}
