package dev.apierrors.autoconfigure.openapi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.openapi.ApiErrorsOpenApiCustomizer;
import dev.apierrors.openapi.SecuredOperations;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and back-off of {@link ApiErrorsOpenApiAutoConfiguration}: active with springdoc-openapi, and without
 * it nothing is registered and nothing fails.
 */
class ApiErrorsOpenApiAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				ApiErrorsCatalogAutoConfiguration.class, ApiErrorsOpenApiAutoConfiguration.class));

	@Test
	void definesTheCustomizerWithSpringdoc() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ApiErrorsOpenApiCustomizer.class)
			.hasSingleBean(SecuredOperations.class));
	}

	@Test
	void nothingIsRegisteredAndNothingFailsWithoutSpringdoc() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springdoc", "io.swagger"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ApiErrorsOpenApiCustomizer.class)
				.doesNotHaveBean(SecuredOperations.class));
	}

	@Test
	void nothingIsRegisteredWhenTheSpecificationIsOff() {
		this.runner.withPropertyValues("springdoc.api-docs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ApiErrorsOpenApiCustomizer.class));
	}

	@Test
	void worksWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ApiErrorsOpenApiCustomizer.class)
				.hasSingleBean(SecuredOperations.class));
	}

	@Test
	void definesTheCustomizerInAReactiveApplicationToo() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
					ApiErrorsCatalogAutoConfiguration.class, ApiErrorsOpenApiAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ApiErrorsOpenApiCustomizer.class)
				.hasSingleBean(SecuredOperations.class));
	}

	@Test
	void securityDecisionBacksOff() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(SecuredOperations.class).hasBean("userSecuredOperations");
			assertThat(context).hasSingleBean(ApiErrorsOpenApiCustomizer.class);
		});
	}

	@Test
	void customizerBacksOff() {
		this.runner.withBean("userCustomizer", ApiErrorsOpenApiCustomizer.class,
				() -> new ApiErrorsOpenApiCustomizer(new ErrorCodeRegistry(new ErrorCatalog(Map.of()), List::of),
						new ErrorCatalog(Map.of()), List.of(),
						new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, new ErrorCatalog(Map.of())),
						ApiErrorFormat.SIMPLE, false, "X-Request-Id", 60, 30, SecuredOperations.none()))
			.run((context) -> assertThat(context).hasSingleBean(ApiErrorsOpenApiCustomizer.class)
				.hasBean("userCustomizer"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		SecuredOperations userSecuredOperations() {
			return SecuredOperations.none();
		}

	}

}
