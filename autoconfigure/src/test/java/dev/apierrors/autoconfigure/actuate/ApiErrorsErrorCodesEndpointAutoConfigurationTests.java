package dev.apierrors.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import dev.apierrors.actuate.ErrorCodesEndpoint;
import dev.apierrors.actuate.ErrorCodesEndpoint.ErrorCodeDescriptor;
import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCodeRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link ApiErrorsErrorCodesEndpointAutoConfiguration}: actuator's exposure rules apply, and without
 * actuator nothing is registered and nothing fails.
 */
class ApiErrorsErrorCodesEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				ApiErrorsCatalogAutoConfiguration.class, ApiErrorsErrorCodesEndpointAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class));

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ErrorCodesEndpoint.class));
	}

	@Test
	void exposedEndpointPublishesTheCatalogWithDocumentationLinks() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=errorcodes",
					"api.errors.type-base=https://docs.example.com/errors")
			.run((context) -> {
				ErrorCodesEndpoint endpoint = context.getBean(ErrorCodesEndpoint.class);
				ErrorCodeDescriptor notFound = endpoint.errorCode("not_found");
				assertThat(notFound.status()).isEqualTo(404);
				assertThat(notFound.docs()).isEqualTo("https://docs.example.com/errors/not_found");
				assertThat(notFound.source()).isEqualTo("status");
				assertThat(endpoint.errorCode("no_such_code")).isNull();
				assertThat(endpoint.errorCodes().codes()).extracting(ErrorCodeDescriptor::code)
					.contains("invalid_json", "internal_error");
			});
	}

	@Test
	void linksAreNullWithoutATypeBase() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=errorcodes")
			.run((context) -> assertThat(context.getBean(ErrorCodesEndpoint.class).errorCode("conflict").docs())
				.isNull());
	}

	@Test
	void excludedEndpointIsNotRegistered() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=*",
					"management.endpoints.web.exposure.exclude=errorcodes")
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorCodesEndpoint.class));
	}

	@Test
	void endpointBacksOffWhenTheApplicationDefinesOne() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=errorcodes")
			.withUserConfiguration(UserEndpoint.class)
			.run((context) -> assertThat(context).hasSingleBean(ErrorCodesEndpoint.class).hasBean("userEndpoint"));
	}

	@Test
	void nothingIsRegisteredAndNothingFailsWithoutActuator() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
					ApiErrorsCatalogAutoConfiguration.class, ApiErrorsErrorCodesEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ErrorCodesEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpoint {

		@Bean
		ErrorCodesEndpoint userEndpoint(ErrorCodeRegistry registry, ErrorBodyEncoder encoder) {
			return new ErrorCodesEndpoint(registry, encoder);
		}

	}

}
