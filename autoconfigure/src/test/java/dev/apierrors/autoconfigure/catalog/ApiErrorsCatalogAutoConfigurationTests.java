package dev.apierrors.autoconfigure.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.autoconfigure.catalog.scanned.ScannedConfiguration;
import dev.apierrors.core.catalog.CatalogDriftDetector;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.catalog.ErrorCodeEntry.Source;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.render.ErrorRenderer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions, back-off and declaration discovery of {@link ApiErrorsCatalogAutoConfiguration}.
 */
class ApiErrorsCatalogAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ApiErrorsAutoConfiguration.class, ApiErrorsCatalogAutoConfiguration.class));

	@Test
	void definesTheRegistryAndTheDriftDetectorBesideTheCore() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorCodeRegistry.class).hasSingleBean(CatalogDriftDetector.class);
			assertThat(context.getBean(ErrorRenderer.class)).isNotNull();
			ErrorCodeRegistry registry = context.getBean(ErrorCodeRegistry.class);
			assertThat(registry.find("invalid_json").source()).isEqualTo(Source.BUILT_IN);
			assertThat(registry.find("missing_cookie").status()).isEqualTo(400);
			assertThat(registry.find("invalid_csrf_token").status()).isEqualTo(403);
		});
	}

	@Test
	void doesNothingWhenTheStarterIsOffOrOutsideAWebApplication() {
		this.runner.withPropertyValues("api.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ErrorCodeRegistry.class));
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ApiErrorsAutoConfiguration.class, ApiErrorsCatalogAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ErrorCodeRegistry.class));
	}

	@Test
	void readsCodeBeansArraysAndCollections() {
		this.runner.withUserConfiguration(CodeBeans.class).run((context) -> {
			ErrorCodeRegistry registry = context.getBean(ErrorCodeRegistry.class);
			assertThat(registry.find("single_code").source()).isEqualTo(Source.APPLICATION);
			assertThat(registry.find("array_code").status()).isEqualTo(409);
			assertThat(registry.find("listed_code").description()).isEqualTo("Listed.");
		});
	}

	@Test
	void readsConfiguredMappingsFirst() {
		this.runner
			.withPropertyValues("api.errors.mappings[0].exception=java.util.NoSuchElementException",
					"api.errors.mappings[0].status=404", "api.errors.mappings[0].code=item_missing",
					"api.errors.mappings[1].exception=java.lang.UnsupportedOperationException",
					"api.errors.mappings[1].status=501")
			.run((context) -> {
				ErrorCodeEntry mapped = context.getBean(ErrorCodeRegistry.class).find("item_missing");
				assertThat(mapped.source()).isEqualTo(Source.CONFIGURATION);
				assertThat(mapped.description()).contains("java.util.NoSuchElementException");
				assertThat(context.getBean(ErrorCodeRegistry.class).find("not_implemented").source())
					.isEqualTo(Source.CONFIGURATION);
			});
	}

	@Test
	void findsEnumsAndAnnotatedExceptionsInTheApplicationsPackages() {
		this.runner.withUserConfiguration(ScannedConfiguration.class).run((context) -> {
			ErrorCodeRegistry registry = context.getBean(ErrorCodeRegistry.class);
			assertThat(registry.find("scanned_enum_code").source()).isEqualTo(Source.APPLICATION);
			assertThat(registry.find("scanned_annotated_code").source()).isEqualTo(Source.API_ERROR);
			assertThat(registry.find("scanned_annotated_code").status()).isEqualTo(410);
			assertThat(registry.find("gone").source()).isEqualTo(Source.STATUS);
		});
	}

	@Test
	void validationStatusOfTheConfigurationIsTheCatalogs() {
		this.runner.withPropertyValues("api.errors.validation.status=400")
			.run((context) -> assertThat(context.getBean(ErrorCodeRegistry.class).find("validation_failed").status())
				.isEqualTo(400));
	}

	@Test
	void registryBacksOffWhenTheApplicationDefinesOne() {
		this.runner.withUserConfiguration(UserRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(ErrorCodeRegistry.class).hasBean("userRegistry");
			assertThat(context.getBean(ErrorCodeRegistry.class).isKnown("only_mine")).isTrue();
		});
	}

	@Test
	void typesBackOffWhenTheApplicationDefinesThem() {
		this.runner.withUserConfiguration(UserTypes.class).run((context) -> {
			assertThat(context).hasSingleBean(ErrorCodeTypes.class).hasBean("userTypes");
			assertThat(context.getBean(ErrorCodeRegistry.class).find("scanned_enum_code").source())
				.isEqualTo(Source.APPLICATION);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CodeBeans {

		@Bean
		ApiErrorCode singleCode() {
			return code("single_code", HttpStatus.BAD_REQUEST, "");
		}

		@Bean
		ApiErrorCode[] arrayCodes() {
			return new ApiErrorCode[] { code("array_code", HttpStatus.CONFLICT, "") };
		}

		@Bean
		List<ApiErrorCode> listedCodes() {
			return List.of(code("listed_code", HttpStatus.NOT_FOUND, "Listed."));
		}

		private static ApiErrorCode code(String code, HttpStatus status, String description) {
			return new ApiErrorCode() {

				@Override
				public String code() {
					return code;
				}

				@Override
				public HttpStatusCode status() {
					return status;
				}

				@Override
				public String message() {
					return "Message.";
				}

				@Override
				public String description() {
					return description;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTypes {

		@Bean
		ErrorCodeTypes userTypes() {
			return ErrorCodeTypes.of(ScannedConfiguration.class.getName() + "$ScannedCode");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistry {

		@Bean
		ErrorCodeRegistry userRegistry(ErrorCatalog catalog) {
			return new ErrorCodeRegistry(catalog,
					() -> List.of(new ErrorCodeEntry("only_mine", 400, "Mine.", "", Source.APPLICATION)));
		}

	}


}
