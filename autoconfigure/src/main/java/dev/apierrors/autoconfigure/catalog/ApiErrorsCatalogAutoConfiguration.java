package dev.apierrors.autoconfigure.catalog;

import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.core.catalog.CatalogDriftDetector;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.core.resolve.ErrorRuleContributor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of the error catalog: the registry of every code the application can answer with, which the
 * actuator endpoint and the OpenAPI documentation publish, and the customizer that reports codes the catalog does
 * not know. The classes of the application's packages that declare codes are an {@link ErrorCodeTypes} bean, which
 * scans on the JVM and is listed at build time when the application is processed ahead of time.
 */
@AutoConfiguration(after = ApiErrorsAutoConfiguration.class)
@ConditionalOnBean(ErrorResolver.class)
public final class ApiErrorsCatalogAutoConfiguration {

	ApiErrorsCatalogAutoConfiguration() {
	}

	// Scans on first use; ahead-of-time processing replaces it with the list of what it finds at build time.
	@Bean
	@ConditionalOnMissingBean
	ErrorCodeTypes apiErrorsCodeTypes(ApplicationContext context) {
		return ErrorCodeTypes.scanning(context, context.getEnvironment(), context);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorCodeRegistry apiErrorsCodeRegistry(ErrorCatalog catalog, ErrorResolver resolver,
			ObjectProvider<ErrorRuleContributor> contributors, ErrorCodeTypes types, ApplicationContext context) {
		ErrorCodeDeclarations declarations = new ErrorCodeDeclarations(context, catalog, resolver.mappings(),
				contributors.orderedStream().toList(), types, context.getClassLoader());
		return new ErrorCodeRegistry(catalog, declarations::collect);
	}

	// Last among the customizers, so that it sees the code that is sent.
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "apiErrorsCatalogDriftDetector")
	CatalogDriftDetector apiErrorsCatalogDriftDetector(ErrorCodeRegistry registry) {
		return new CatalogDriftDetector(registry);
	}

}
