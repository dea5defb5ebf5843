package dev.apierrors.autoconfigure.idempotency;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.idempotency.InMemoryIdempotencyStore;
import dev.apierrors.idempotency.RedisIdempotencyStore;
import dev.apierrors.servlet.idempotency.IdempotencyFilter;
import dev.apierrors.servlet.idempotency.IdempotencyInterceptor;
import dev.apierrors.servlet.idempotency.IdempotencyPolicies;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ApiErrorsIdempotencyAutoConfiguration}: when it applies, which store it chooses, and how it
 * steps aside.
 */
class ApiErrorsIdempotencyAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsIdempotencyAutoConfiguration.class));

	// Listed first: the declared ordering, not the order here, must put Boot's Redis auto-configuration before it.
	private final WebApplicationContextRunner withBootRedis = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ApiErrorsIdempotencyAutoConfiguration.class, DataRedisAutoConfiguration.class));

	@Test
	void registersTheFilterTheInterceptorAndAnInMemoryStore() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(IdempotencyInterceptor.class)
				.hasSingleBean(InMemoryIdempotencyStore.class)
				.hasBean("apiErrorsIdempotencyFilter")
				.hasBean("apiErrorsIdempotencyWebMvcConfigurer");
			FilterRegistrationBean<?> filter = context.getBean("apiErrorsIdempotencyFilter", FilterRegistrationBean.class);
			assertThat(filter.getFilter()).isInstanceOf(IdempotencyFilter.class);
			assertThat(filter.getOrder()).isEqualTo(IdempotencyFilter.ORDER).isGreaterThan(-100);
			assertThat(context.getBean("apiErrorsIdempotencyWebMvcConfigurer")).isInstanceOf(WebMvcConfigurer.class);
		});
	}

	@Test
	void usesRedisWhenBootConfiguresAConnection() {
		this.withBootRedis.run((context) -> assertThat(context).hasSingleBean(IdempotencyStore.class)
			.hasSingleBean(RedisIdempotencyStore.class));
	}

	@Test
	void usesRedisWhenTheApplicationDefinesAConnectionFactory() {
		this.runner.withUserConfiguration(RedisConnectionConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(RedisIdempotencyStore.class));
	}

	@Test
	void usesMemoryWhenChosenEvenWithRedis() {
		this.withBootRedis.withPropertyValues("api.errors.idempotency.store=memory")
			.run((context) -> assertThat(context).hasSingleBean(IdempotencyStore.class)
				.hasSingleBean(InMemoryIdempotencyStore.class));
	}

	@Test
	void usesMemoryWithoutSpringDataRedis() {
		this.withBootRedis.withClassLoader(new FilteredClassLoader("org.springframework.data.redis."))
			.run((context) -> assertThat(context).hasSingleBean(InMemoryIdempotencyStore.class));
	}

	@Test
	void redisChosenWithoutAConnectionFailsStartup() {
		this.runner.withPropertyValues("api.errors.idempotency.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(NoSuchBeanDefinitionException.class)
				.hasMessageContaining(IdempotencyStore.class.getName());
		});
	}

	@Test
	void unknownStoreFailsStartup() {
		this.runner.withPropertyValues("api.errors.idempotency.store=cassandra")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void storeBacksOffWhenTheApplicationDefinesOne() {
		this.withBootRedis.withUserConfiguration(CustomStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(IdempotencyStore.class).hasBean("customStore");
			assertThat(context).doesNotHaveBean(RedisIdempotencyStore.class)
				.doesNotHaveBean(InMemoryIdempotencyStore.class);
		});
	}

	@Test
	void interceptorFilterAndConfigurerBackOffWhenTheApplicationDefinesThem() {
		this.runner.withUserConfiguration(CustomWebConfiguration.class).run((context) -> {
			assertThat(context.getBean(IdempotencyInterceptor.class)).isSameAs(context.getBean("customInterceptor"));
			assertThat(context.getBean("apiErrorsIdempotencyFilter")).isEqualTo("custom filter");
			assertThat(context.getBean("apiErrorsIdempotencyWebMvcConfigurer")).isEqualTo("custom configurer");
		});
	}

	@Test
	void propertiesBind() {
		this.runner
			.withPropertyValues("api.errors.idempotency.paths=/payments/**,/refunds", "api.errors.idempotency.required=false",
					"api.errors.idempotency.expiry=2h", "api.errors.idempotency.max-body-size=64KB",
					"api.errors.idempotency.in-progress.retry-after=3s", "api.errors.idempotency.in-progress.lease=90s",
					"api.errors.idempotency.memory.max-entries=50", "api.errors.idempotency.redis.key-prefix=shop:")
			.run((context) -> {
				IdempotencyProperties properties = context.getBean(IdempotencyProperties.class);
				assertThat(properties.getPaths()).containsExactly("/payments/**", "/refunds");
				assertThat(properties.isRequired()).isFalse();
				assertThat(properties.getExpiry()).isEqualTo(Duration.ofHours(2));
				assertThat(properties.getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(properties.getInProgress().getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getInProgress().getLease()).isEqualTo(Duration.ofSeconds(90));
				assertThat(properties.getMemory().getMaxEntries()).isEqualTo(50);
				assertThat(properties.getRedis().getKeyPrefix()).isEqualTo("shop:");
			});
	}

	@Test
	void inMemoryStoreHoldsTheConfiguredNumberOfKeys() {
		this.runner.withPropertyValues("api.errors.idempotency.memory.max-entries=1").run((context) -> {
			IdempotencyStore store = context.getBean(IdempotencyStore.class);
			store.reserve("a", "f", Duration.ofMinutes(1));
			assertThatIllegalStateException().isThrownBy(() -> store.reserve("b", "f", Duration.ofMinutes(1)));
		});
	}

	@Test
	void invalidPathPatternFailsStartup() {
		this.runner.withPropertyValues("api.errors.idempotency.paths=/payments/**/refunds/{")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void turnedOffByItsProperty() {
		this.runner.withPropertyValues("api.errors.idempotency.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(IdempotencyInterceptor.class)
				.doesNotHaveBean(IdempotencyStore.class)
				.doesNotHaveBean("apiErrorsIdempotencyFilter"));
	}

	@Test
	void turnedOffWithTheStarter() {
		this.runner.withPropertyValues("api.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(IdempotencyInterceptor.class));
	}

	@Test
	void notAppliedOutsideServletWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiErrorsIdempotencyAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(IdempotencyInterceptor.class));
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiErrorsIdempotencyAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(IdempotencyInterceptor.class));
	}

	@Test
	void notAppliedWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet."))
			.run((context) -> assertThat(context).doesNotHaveBean(IdempotencyInterceptor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class RedisConnectionConfiguration {

		@Bean
		RedisConnectionFactory redisConnectionFactory() {
			return new LettuceConnectionFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomStoreConfiguration {

		@Bean
		IdempotencyStore customStore() {
			return new IdempotencyStore() {

				@Override
				public Entry reserve(String key, String fingerprint, Duration lease) {
					throw new UnsupportedOperationException();
				}

				@Override
				public boolean complete(Reserved reservation, StoredResponse response, Duration expiry) {
					throw new UnsupportedOperationException();
				}

				@Override
				public void release(Reserved reservation) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomWebConfiguration {

		@Bean
		IdempotencyInterceptor customInterceptor(IdempotencyStore store) {
			return new IdempotencyInterceptor(store, new IdempotencyPolicies(List.of(), true, Duration.ofHours(1)),
					Duration.ofMinutes(1), Duration.ofSeconds(1), 1024, "X-Request-Id");
		}

		@Bean
		String apiErrorsIdempotencyFilter() {
			return "custom filter";
		}

		@Bean
		String apiErrorsIdempotencyWebMvcConfigurer() {
			return "custom configurer";
		}

	}

}
