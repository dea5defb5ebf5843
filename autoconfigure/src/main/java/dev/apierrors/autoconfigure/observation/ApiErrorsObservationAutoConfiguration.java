package dev.apierrors.autoconfigure.observation;

import io.micrometer.observation.ObservationFilter;

import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.observation.ErrorCodeObservationFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code error.code} key of server request observations: an {@link ObservationFilter}
 * that Spring Boot applies to its observation registry, so that {@code http.server.requests} and traces carry the
 * code. It composes with whatever {@code ServerRequestObservationConvention} is in use (Boot's own backs off when
 * another is defined, so the starter defines none).
 */
@AutoConfiguration(after = ApiErrorsCatalogAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		value = ObservationFilter.class)
@ConditionalOnBean(ErrorCodeRegistry.class)
public final class ApiErrorsObservationAutoConfiguration {

	ApiErrorsObservationAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorCodeObservationFilter apiErrorsErrorCodeObservationFilter(ErrorCodeRegistry registry, ErrorCatalog catalog) {
		return new ErrorCodeObservationFilter(registry, catalog);
	}

}
