package dev.apierrors.autoconfigure.openapi;

import java.time.Duration;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import dev.apierrors.autoconfigure.ApiErrorsProperties;
import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.openapi.ApiErrorsOpenApiCustomizer;
import dev.apierrors.openapi.SecuredOperations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Auto-configuration of the OpenAPI documentation of every operation's errors when springdoc-openapi is present:
 * a customizer that adds the error responses of each operation and the body schema and headers they share.
 */
@AutoConfiguration(after = ApiErrorsCatalogAutoConfiguration.class)
@ConditionalOnClass({ GlobalOperationCustomizer.class, OpenAPI.class })
@ConditionalOnBean({ ErrorCodeRegistry.class, ErrorBodyEncoder.class, HeaderPolicy.class })
@ConditionalOnBooleanProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public final class ApiErrorsOpenApiAutoConfiguration {

	ApiErrorsOpenApiAutoConfiguration() {
	}

	// Registered after the nested configuration's, as an auto-configuration's own bean methods are.
	@Bean
	@ConditionalOnMissingBean
	SecuredOperations apiErrorsSecuredOperations() {
		return SecuredOperations.fromAnnotations();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsOpenApiCustomizer apiErrorsOpenApiCustomizer(ApiErrorsProperties properties,
			ErrorCodeRegistry registry, ErrorCatalog statuses, ErrorResolver resolver, ErrorBodyEncoder encoder,
			HeaderPolicy headerPolicy, SecuredOperations security) {
		ApiErrorsProperties.RetryAfter retryAfter = properties.getRetryAfter();
		return new ApiErrorsOpenApiCustomizer(registry, statuses, resolver.mappings(), encoder, properties.getFormat(),
				properties.isDocUrl(), headerPolicy.requestIdHeader(), seconds(retryAfter.getTooManyRequests()),
				seconds(retryAfter.getServiceUnavailable()), security);
	}

	private static long seconds(Duration duration) {
		long seconds = duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebInvocationPrivilegeEvaluator.class)
	static class ServletSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecuredOperations apiErrorsSecuredOperations(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluators) {
			return SecuredOperations.fromUrlRules(evaluators::getIfUnique);
		}

	}

}
