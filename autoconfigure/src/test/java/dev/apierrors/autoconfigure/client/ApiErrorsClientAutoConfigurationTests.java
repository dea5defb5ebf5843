package dev.apierrors.autoconfigure.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import dev.apierrors.ApiRequestId;
import dev.apierrors.UpstreamErrorException;
import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.client.ApiErrorsRestClientCustomizer;
import dev.apierrors.client.ApiErrorsWebClientCustomizer;
import dev.apierrors.client.UpstreamErrorDecoder;
import dev.apierrors.client.UpstreamErrorRules;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.core.rules.CircuitBreakerRules;
import dev.apierrors.core.rules.RateLimiterRules;
import dev.apierrors.core.rules.SpringResilienceRules;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conditions, back-off and behaviour of {@link ApiErrorsClientAutoConfiguration}, with Spring Boot's own
 * {@code RestClient.Builder} and {@code WebClient.Builder} calling stubbed transports.
 */
class ApiErrorsClientAutoConfigurationTests {

	private static final String ERROR_BODY = "{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\","
			+ "\"request_id\":\"upstream-1\"}";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				ApiErrorsClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, JacksonAutoConfiguration.class));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	// Conditions

	@Test
	void definesRulesDecoderAndBothCustomizersInAServletApplication() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(UpstreamErrorRules.class)
			.hasSingleBean(SpringResilienceRules.class)
			.hasSingleBean(CircuitBreakerRules.class)
			.hasSingleBean(RateLimiterRules.class)
			.hasSingleBean(UpstreamErrorDecoder.class)
			.hasSingleBean(ApiErrorsRestClientCustomizer.class)
			.hasSingleBean(ApiErrorsWebClientCustomizer.class)
			.hasSingleBean(ClientProperties.class));
	}

	@Test
	void definesTheSameInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				ApiErrorsAutoConfiguration.class, ApiErrorsClientAutoConfiguration.class,
				JacksonAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(UpstreamErrorRules.class)
				.hasSingleBean(UpstreamErrorDecoder.class)
				.hasSingleBean(ApiErrorsWebClientCustomizer.class));
	}

	@Test
	void doesNothingOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ApiErrorsAutoConfiguration.class, ApiErrorsClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(UpstreamErrorRules.class));
	}

	@Test
	void enabledFalseTurnsTheClientSideOffToo() {
		this.runner.withPropertyValues("api.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UpstreamErrorRules.class)
				.doesNotHaveBean(ApiErrorsRestClientCustomizer.class)
				.doesNotHaveBean(ClientProperties.class));
	}

	@Test
	void withoutBootsRestClientModuleThereIsNoRestClientCustomizer() {
		this.runner.withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ApiErrorsRestClientCustomizer.class)
				.hasSingleBean(ApiErrorsWebClientCustomizer.class)
				.hasSingleBean(UpstreamErrorRules.class));
	}

	@Test
	void withoutWebClientThereIsNoWebClientCustomizer() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ApiErrorsWebClientCustomizer.class)
				.hasSingleBean(ApiErrorsRestClientCustomizer.class));
	}

	@Test
	void withoutJacksonNothingIsDecodedButTheRequestIdIsSent() {
		this.runner.withClassLoader(new FilteredClassLoader("tools.jackson"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(UpstreamErrorDecoder.class)
				.hasSingleBean(ApiErrorsRestClientCustomizer.class));
	}

	@Test
	void withoutResilience4jThereAreNoRulesForIt() {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CircuitBreakerRules.class)
				.doesNotHaveBean(RateLimiterRules.class)
				.hasSingleBean(SpringResilienceRules.class));
	}

	@Test
	void decodeFalseDefinesNoDecoder() {
		this.runner.withPropertyValues("api.errors.client.decode=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UpstreamErrorDecoder.class)
				.hasSingleBean(ApiErrorsRestClientCustomizer.class));
	}

	@Test
	void everyBeanBacksOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(UpstreamErrorRules.class).isSameAs(context.getBean("userUpstreamRules"));
			assertThat(context).getBean(UpstreamErrorDecoder.class).isSameAs(context.getBean("userDecoder"));
			assertThat(context).getBean(SpringResilienceRules.class).isSameAs(context.getBean("userSpringRules"));
			assertThat(context).getBean(ApiErrorsRestClientCustomizer.class)
				.isSameAs(context.getBean("userRestClientCustomizer"));
			assertThat(context).getBean(ApiErrorsWebClientCustomizer.class)
				.isSameAs(context.getBean("userWebClientCustomizer"));
		});
	}

	// RestClient

	@Test
	void restClientSendsTheCurrentRequestIdAndDecodesErrors() {
		this.runner.run((context) -> {
			Stub stub = new Stub(404, ERROR_BODY);
			RestClient client = context.getBean(RestClient.Builder.class).requestFactory(stub).build();
			MDC.put(ApiRequestId.MDC_KEY, "chain-42");
			assertThatExceptionOfType(UpstreamErrorException.class)
				.isThrownBy(() -> client.get().uri("http://users/users/7").retrieve().body(String.class))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode().value()).isEqualTo(404);
					assertThat(ex.getCode()).isEqualTo("user_not_found");
					assertThat(ex.getRequestId()).isEqualTo("upstream-1");
				});
			assertThat(stub.request.get().getHeaders().get("X-Request-Id")).containsExactly("chain-42");
		});
	}

	@Test
	void restClientNeverReplacesARequestIdTheCallerSet() {
		this.runner.run((context) -> {
			Stub stub = new Stub(200, "{}");
			RestClient client = context.getBean(RestClient.Builder.class).requestFactory(stub).build();
			MDC.put(ApiRequestId.MDC_KEY, "chain-42");
			client.get().uri("http://users/users/7").header("X-Request-Id", "mine").retrieve().toBodilessEntity();
			assertThat(stub.request.get().getHeaders().get("X-Request-Id")).containsExactly("mine");
		});
	}

	@Test
	void restClientSendsNoRequestIdOutsideARequest() {
		this.runner.run((context) -> {
			Stub stub = new Stub(200, "{}");
			context.getBean(RestClient.Builder.class)
				.requestFactory(stub)
				.build()
				.get()
				.uri("http://users/users/7")
				.retrieve()
				.toBodilessEntity();
			assertThat(stub.request.get().getHeaders().containsHeader("X-Request-Id")).isFalse();
		});
	}

	@Test
	void restClientUsesTheConfiguredRequestIdHeader() {
		this.runner.withPropertyValues("api.errors.request-id.header=Request-Id").run((context) -> {
			Stub stub = new Stub(200, "{}");
			MDC.put(ApiRequestId.MDC_KEY, "chain-42");
			context.getBean(RestClient.Builder.class)
				.requestFactory(stub)
				.build()
				.get()
				.uri("http://users/users/7")
				.retrieve()
				.toBodilessEntity();
			assertThat(stub.request.get().getHeaders().get("Request-Id")).containsExactly("chain-42");
			assertThat(stub.request.get().getHeaders().containsHeader("X-Request-Id")).isFalse();
		});
	}

	@Test
	void restClientSendsNoRequestIdWhenPropagationIsOff() {
		this.runner.withPropertyValues("api.errors.client.propagate-request-id=false").run((context) -> {
			Stub stub = new Stub(200, "{}");
			MDC.put(ApiRequestId.MDC_KEY, "chain-42");
			context.getBean(RestClient.Builder.class)
				.requestFactory(stub)
				.build()
				.get()
				.uri("http://users/users/7")
				.retrieve()
				.toBodilessEntity();
			assertThat(stub.request.get().getHeaders().containsHeader("X-Request-Id")).isFalse();
		});
	}

	@Test
	void restClientKeepsSpringsExceptionsWhenDecodingIsOff() {
		this.runner.withPropertyValues("api.errors.client.decode=false").run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class)
				.requestFactory(new Stub(404, ERROR_BODY))
				.build();
			assertThatExceptionOfType(HttpClientErrorException.NotFound.class)
				.isThrownBy(() -> client.get().uri("http://users/users/7").retrieve().body(String.class))
				.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).isEqualTo(ERROR_BODY));
		});
	}

	@Test
	void restClientStatusHandlerOfTheCallRunsFirst() {
		this.runner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class)
				.requestFactory(new Stub(404, ERROR_BODY))
				.build();
			String body = client.get()
				.uri("http://users/users/7")
				.retrieve()
				.onStatus((status) -> status.value() == 404, (request, response) -> {
				})
				.body(String.class);
			assertThat(body).isEqualTo(ERROR_BODY);
		});
	}

	@Test
	void restClientExchangeSeesTheResponseAsItCame() {
		this.runner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class)
				.requestFactory(new Stub(404, ERROR_BODY))
				.build();
			String body = client.get()
				.uri("http://users/users/7")
				.exchange((request, response) -> response.getStatusCode().value() + " "
						+ new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
			assertThat(body).isEqualTo("404 " + ERROR_BODY);
		});
	}

	// WebClient

	@Test
	void webClientPrefersTheRequestIdOfTheReactorContextAndDecodesErrors() {
		this.runner.run((context) -> {
			AtomicReference<ClientRequest> sent = new AtomicReference<>();
			WebClient client = context.getBean(WebClient.Builder.class)
				.exchangeFunction((request) -> respond(sent, request, 404, ERROR_BODY))
				.build();
			MDC.put(ApiRequestId.MDC_KEY, "from-mdc");
			assertThatExceptionOfType(UpstreamErrorException.class)
				.isThrownBy(() -> client.get()
					.uri("http://users/users/7")
					.retrieve()
					.bodyToMono(String.class)
					.contextWrite(Context.of(ApiRequestId.CONTEXT_KEY, "from-context"))
					.block(Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo("user_not_found"));
			assertThat(sent.get().headers().get("X-Request-Id")).containsExactly("from-context");
		});
	}

	@Test
	void webClientFallsBackToTheMdc() {
		this.runner.run((context) -> {
			AtomicReference<ClientRequest> sent = new AtomicReference<>();
			WebClient client = context.getBean(WebClient.Builder.class)
				.exchangeFunction((request) -> respond(sent, request, 200, "{}"))
				.build();
			MDC.put(ApiRequestId.MDC_KEY, "from-mdc");
			client.get().uri("http://users/users/7").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
			assertThat(sent.get().headers().get("X-Request-Id")).containsExactly("from-mdc");
		});
	}

	@Test
	void webClientKeepsSpringsExceptionForOtherBodies() {
		this.runner.run((context) -> {
			WebClient client = context.getBean(WebClient.Builder.class)
				.exchangeFunction((request) -> respond(new AtomicReference<>(), request, 404,
						"{\"error\":\"Not Found\",\"message\":\"\",\"status\":404}"))
				.build();
			assertThatExceptionOfType(WebClientResponseException.NotFound.class)
				.isThrownBy(() -> client.get()
					.uri("http://users/users/7")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(5)))
				.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).contains("Not Found"));
		});
	}

	private static Mono<ClientResponse> respond(AtomicReference<ClientRequest> sent, ClientRequest request,
			int status, String body) {
		sent.set(request);
		return Mono.just(ClientResponse.create(HttpStatus.valueOf(status))
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.body(body)
			.request(new org.springframework.http.HttpRequest() {
				@Override
				public HttpMethod getMethod() {
					return request.method();
				}

				@Override
				public URI getURI() {
					return request.url();
				}

				@Override
				public java.util.Map<String, Object> getAttributes() {
					return request.attributes();
				}

				@Override
				public org.springframework.http.HttpHeaders getHeaders() {
					return request.headers();
				}
			})
			.build());
	}

	// Resilience

	@Test
	void openCircuitTakesTheBreakersWaitAsDelayWhenTheRegistryIsABean() {
		this.runner.withUserConfiguration(Breakers.class).run((context) -> {
			CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
			var breaker = registry.circuitBreaker("payments");
			breaker.transitionToOpenState();
			var error = context.getBean(ErrorResolver.class)
				.resolve(CallNotPermittedException.createCallNotPermittedException(breaker));
			assertThat(error.getStatus()).isEqualTo(503);
			assertThat(error.getCode()).isEqualTo("service_unavailable");
			assertThat(error.getRequestedRetryAfter()).isEqualTo(Duration.ofSeconds(42));
			assertThat(error.getLogDetail()).contains("'payments'");
		});
	}

	@Test
	void openCircuitOfAnUnknownBreakerLeavesTheDelayToTheDefault() {
		this.runner.run((context) -> {
			var breaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("elsewhere");
			breaker.transitionToOpenState();
			var error = context.getBean(ErrorResolver.class)
				.resolve(CallNotPermittedException.createCallNotPermittedException(breaker));
			assertThat(error.getStatus()).isEqualTo(503);
			assertThat(error.getRequestedRetryAfter()).isNull();
		});
	}

	@Test
	void rateLimiterRejectionIsTooManyRequestsWithTheRefreshPeriod() {
		this.runner.withUserConfiguration(Limiters.class).run((context) -> {
			var limiter = context.getBean(io.github.resilience4j.ratelimiter.RateLimiterRegistry.class)
				.rateLimiter("search");
			var error = context.getBean(ErrorResolver.class)
				.resolve(RequestNotPermitted.createRequestNotPermitted(limiter));
			assertThat(error.getStatus()).isEqualTo(429);
			assertThat(error.getCode()).isEqualTo("rate_limit_exceeded");
			assertThat(error.getRequestedRetryAfter()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	/** Answers every request with one status and JSON body, keeping the request it was sent. */
	static final class Stub implements ClientHttpRequestFactory {

		final AtomicReference<MockClientHttpRequest> request = new AtomicReference<>();

		private final int status;

		private final String body;

		Stub(int status, String body) {
			this.status = status;
			this.body = body;
		}

		@Override
		public org.springframework.http.client.ClientHttpRequest createRequest(URI uri, HttpMethod method) {
			MockClientHttpResponse response = new MockClientHttpResponse(this.body.getBytes(StandardCharsets.UTF_8),
					this.status);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
			request.setResponse(response);
			this.request.set(request);
			return request;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		UpstreamErrorRules userUpstreamRules(ErrorCatalog catalog) {
			return new UpstreamErrorRules(catalog, true);
		}

		@Bean
		UpstreamErrorDecoder userDecoder(ErrorCatalog catalog) {
			return new UpstreamErrorDecoder("Request-Id", catalog);
		}

		@Bean
		SpringResilienceRules userSpringRules(ErrorCatalog catalog) {
			return new SpringResilienceRules(catalog);
		}

		@Bean
		ApiErrorsRestClientCustomizer userRestClientCustomizer() {
			return new ApiErrorsRestClientCustomizer(null, null);
		}

		@Bean
		ApiErrorsWebClientCustomizer userWebClientCustomizer() {
			return new ApiErrorsWebClientCustomizer(null, null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Breakers {

		@Bean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			return CircuitBreakerRegistry.of(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
				.waitDurationInOpenState(Duration.ofSeconds(42))
				.build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Limiters {

		@Bean
		io.github.resilience4j.ratelimiter.RateLimiterRegistry rateLimiterRegistry() {
			return io.github.resilience4j.ratelimiter.RateLimiterRegistry
				.of(io.github.resilience4j.ratelimiter.RateLimiterConfig.custom()
					.limitRefreshPeriod(Duration.ofSeconds(5))
					.build());
		}

	}

}
