package dev.apierrors.autoconfigure.actuate;

import dev.apierrors.actuate.ErrorCodesEndpoint;
import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCodeRegistry;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code errorcodes} actuator endpoint, which publishes the error catalog. Like every
 * actuator endpoint it is available only when exposed ({@code management.endpoints.web.exposure.include}), on
 * the management port when one is set.
 */
@AutoConfiguration(after = ApiErrorsCatalogAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ ErrorCodeRegistry.class, ErrorBodyEncoder.class })
public final class ApiErrorsErrorCodesEndpointAutoConfiguration {

	ApiErrorsErrorCodesEndpointAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	ErrorCodesEndpoint apiErrorsErrorCodesEndpoint(ErrorCodeRegistry registry, ErrorBodyEncoder encoder) {
		return new ErrorCodesEndpoint(registry, encoder);
	}

}
