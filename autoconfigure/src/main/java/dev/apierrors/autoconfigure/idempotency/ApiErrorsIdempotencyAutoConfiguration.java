package dev.apierrors.autoconfigure.idempotency;

import java.time.Clock;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.idempotency.IdempotencyErrorCodes;
import dev.apierrors.idempotency.InMemoryIdempotencyStore;
import dev.apierrors.idempotency.RedisIdempotencyStore;
import dev.apierrors.servlet.idempotency.IdempotencyFilter;
import dev.apierrors.servlet.idempotency.IdempotencyInterceptor;
import dev.apierrors.servlet.idempotency.IdempotencyPolicies;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of {@code Idempotency-Key} support for Spring MVC: the filter that holds the requests and
 * responses of keyed requests, the interceptor that applies the rules to {@link dev.apierrors.Idempotent}
 * handlers and configured paths, and the store of keys (Redis when a Redis connection is configured, memory
 * otherwise).
 */
// After DataRedisAutoConfiguration (named: Spring Data Redis is optional) so that its connection factory is known
// when the store is chosen.
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "api.errors.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public final class ApiErrorsIdempotencyAutoConfiguration {

	private static final String STORE = "api.errors.idempotency.store";

	ApiErrorsIdempotencyAutoConfiguration() {
	}

	// Registered after the nested RedisStoreConfiguration, as beans of an auto-configuration's own methods are, so
	// that the Redis store comes first when Redis is configured.
	@Bean
	@ConditionalOnMissingBean(IdempotencyStore.class)
	@Conditional(StoreIsNotRedis.class)
	InMemoryIdempotencyStore apiErrorsInMemoryIdempotencyStore(IdempotencyProperties properties) {
		return new InMemoryIdempotencyStore(properties.getMemory().getMaxEntries(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotencyInterceptor apiErrorsIdempotencyInterceptor(IdempotencyProperties properties, IdempotencyStore store,
			Environment environment) {
		IdempotencyPolicies policies = new IdempotencyPolicies(properties.getPaths(), properties.isRequired(),
				properties.getExpiry());
		// The request id header of api-errors, which a replay leaves to the retry's own id.
		String requestIdHeader = environment.getProperty("api.errors.request-id.header", "X-Request-Id");
		return new IdempotencyInterceptor(store, policies, properties.getInProgress().getLease(),
				properties.getInProgress().getRetryAfter(), properties.getMaxBodySize().toBytes(), requestIdHeader);
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotencyErrorCodes apiErrorsIdempotencyErrorCodes() {
		return new IdempotencyErrorCodes();
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsIdempotencyFilter")
	FilterRegistrationBean<IdempotencyFilter> apiErrorsIdempotencyFilter() {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter());
		registration.setOrder(IdempotencyFilter.ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsIdempotencyWebMvcConfigurer")
	WebMvcConfigurer apiErrorsIdempotencyWebMvcConfigurer(IdempotencyInterceptor interceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor).order(IdempotencyInterceptor.ORDER);
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	@Conditional(StoreIsNotMemory.class)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(IdempotencyStore.class)
		RedisIdempotencyStore apiErrorsRedisIdempotencyStore(RedisConnectionFactory connectionFactory,
				IdempotencyProperties properties) {
			return new RedisIdempotencyStore(connectionFactory, properties.getRedis().getKeyPrefix());
		}

	}

	static final class StoreIsNotMemory extends NoneNestedConditions {

		StoreIsNotMemory() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = STORE, havingValue = "memory")
		static final class Memory {

		}

	}

	static final class StoreIsNotRedis extends NoneNestedConditions {

		StoreIsNotRedis() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = STORE, havingValue = "redis")
		static final class Redis {

		}

	}

}
