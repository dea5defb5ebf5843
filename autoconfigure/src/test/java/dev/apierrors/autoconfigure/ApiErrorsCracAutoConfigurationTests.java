package dev.apierrors.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.apierrors.core.requestid.ApiErrorsRequestIdRekeying;
import dev.apierrors.core.requestid.RandomRequestIdGenerator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiErrorsCracAutoConfiguration}.
 */
class ApiErrorsCracAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ApiErrorsAutoConfiguration.class, ApiErrorsCracAutoConfiguration.class));

	@Test
	void requestIdsAreRekeyedAroundCheckpointsWhenTheCracApiIsPresent() {
		this.runner.run((context) -> {
			ApiErrorsRequestIdRekeying rekeying = context.getBean(ApiErrorsRequestIdRekeying.class);
			assertThat(rekeying.isRunning()).isTrue();
			// What Spring's checkpoint support does before a checkpoint and after the restore.
			context.stop();
			assertThat(rekeying.isRunning()).isFalse();
			context.start();
			assertThat(rekeying.isRunning()).isTrue();
		});
	}

	@Test
	void backsOffWithoutTheCracApi() {
		this.runner.withClassLoader(new FilteredClassLoader("org.crac"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ApiErrorsRequestIdRekeying.class));
	}

	@Test
	void backsOffWhenTheStarterIsOff() {
		this.runner.withPropertyValues("api.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ApiErrorsRequestIdRekeying.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withUserConfiguration(OwnRekeying.class)
			.run((context) -> assertThat(context).getBean(ApiErrorsRequestIdRekeying.class)
				.isSameAs(context.getBean(OwnRekeying.class).rekeying));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRekeying {

		final ApiErrorsRequestIdRekeying rekeying = new ApiErrorsRequestIdRekeying(RandomRequestIdGenerator.INSTANCE);

		@Bean
		ApiErrorsRequestIdRekeying ownRekeying() {
			return this.rekeying;
		}

	}

}
