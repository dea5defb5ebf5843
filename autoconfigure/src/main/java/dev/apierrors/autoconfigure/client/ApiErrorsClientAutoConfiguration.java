package dev.apierrors.autoconfigure.client;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

import dev.apierrors.RateLimit;
import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.client.ApiErrorsRestClientCustomizer;
import dev.apierrors.client.ApiErrorsWebClientCustomizer;
import dev.apierrors.client.RequestIdInterceptor;
import dev.apierrors.client.RestClientErrorDecoding;
import dev.apierrors.client.UpstreamErrorDecoder;
import dev.apierrors.client.UpstreamErrorRules;
import dev.apierrors.client.WebClientErrorDecoding;
import dev.apierrors.client.WebClientRequestIdFilter;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.rules.CircuitBreakerRules;
import dev.apierrors.core.rules.RateLimiterRules;
import dev.apierrors.core.rules.SpringResilienceRules;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of calls to other services: every {@code RestClient.Builder} and {@code WebClient.Builder}
 * Spring Boot configures (HTTP service groups included) sends the current request's id and decodes error
 * responses in the api-errors formats and RFC 9457 problem details into
 * {@link dev.apierrors.UpstreamErrorException}; the rules answer that exception as an upstream failure, and the
 * rejections of Spring's {@code @ConcurrencyLimit} and of Resilience4j's circuit breakers and rate limiters.
 */
// After the core, whose catalog and request id rules the beans use.
@AutoConfiguration(after = ApiErrorsAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
@ConditionalOnBean(ErrorCatalog.class)
@EnableConfigurationProperties(ClientProperties.class)
public final class ApiErrorsClientAutoConfiguration {

	ApiErrorsClientAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	UpstreamErrorRules apiErrorsUpstreamErrorRules(ClientProperties properties, ErrorCatalog catalog) {
		return new UpstreamErrorRules(catalog, properties.isPassThroughClientErrors());
	}

	@Bean
	@ConditionalOnMissingBean
	SpringResilienceRules apiErrorsSpringResilienceRules(ErrorCatalog catalog) {
		return new SpringResilienceRules(catalog);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
	@ConditionalOnBooleanProperty(name = "api.errors.client.decode", matchIfMissing = true)
	static class DecodingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UpstreamErrorDecoder apiErrorsUpstreamErrorDecoder(RequestIds requestIds, ErrorCatalog catalog) {
			return new UpstreamErrorDecoder(requestIds.header(), catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiErrorsRestClientCustomizer apiErrorsRestClientCustomizer(ClientProperties properties,
				RequestIds requestIds, ObjectProvider<UpstreamErrorDecoder> decoder) {
			UpstreamErrorDecoder available = decoder.getIfAvailable();
			return new ApiErrorsRestClientCustomizer(
					properties.isPropagateRequestId() ? new RequestIdInterceptor(requestIds) : null,
					(available != null) ? new RestClientErrorDecoding(available) : null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiErrorsWebClientCustomizer apiErrorsWebClientCustomizer(ClientProperties properties,
				RequestIds requestIds, ObjectProvider<UpstreamErrorDecoder> decoder) {
			UpstreamErrorDecoder available = decoder.getIfAvailable();
			return new ApiErrorsWebClientCustomizer(
					properties.isPropagateRequestId() ? new WebClientRequestIdFilter(requestIds) : null,
					(available != null) ? new WebClientErrorDecoding(available) : null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CallNotPermittedException.class)
	static class CircuitBreakerRulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerRules apiErrorsCircuitBreakerRules(ErrorCatalog catalog,
				ObjectProvider<CircuitBreakerRegistry> registry) {
			return new CircuitBreakerRules(catalog, (name) -> {
				CircuitBreakerRegistry available = registry.getIfUnique();
				return (available == null) ? null : available.find(name)
					.map((breaker) -> Duration
						.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
					.orElse(null);
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RequestNotPermitted.class)
	static class RateLimiterRulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RateLimiterRules apiErrorsRateLimiterRules(ErrorCatalog catalog, ObjectProvider<RateLimiterRegistry> registry) {
			return new RateLimiterRules(catalog, (name) -> {
				RateLimiterRegistry available = registry.getIfUnique();
				return (available == null) ? null : available.find(name).map((limiter) -> {
					RateLimiterConfig config = limiter.getRateLimiterConfig();
					Duration period = config.getLimitRefreshPeriod();
					return new RateLimit(name.replaceAll("[^A-Za-z0-9._~-]", "_"), config.getLimitForPeriod(), 0,
							period, period);
				}).orElse(null);
			});
		}

	}

}
