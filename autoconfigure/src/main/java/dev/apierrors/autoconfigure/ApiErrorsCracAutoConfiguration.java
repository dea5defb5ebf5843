package dev.apierrors.autoconfigure;

import dev.apierrors.core.requestid.ApiErrorsRequestIdRekeying;
import dev.apierrors.core.requestid.RandomRequestIdGenerator;
import dev.apierrors.core.requestid.RequestIds;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for JVM checkpoint and restore (Project CRaC): fresh request id keys after every restore.
 * Active when the {@code org.crac} API is on the classpath, which is also what turns on Spring's checkpoint support
 * (lifecycle beans stopped before a checkpoint and started after the restore).
 */
@AutoConfiguration(after = ApiErrorsAutoConfiguration.class)
@ConditionalOnClass(name = "org.crac.Core")
@ConditionalOnBean(RequestIds.class)
public final class ApiErrorsCracAutoConfiguration {

	ApiErrorsCracAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsRequestIdRekeying apiErrorsRequestIdRekeying() {
		return new ApiErrorsRequestIdRekeying(RandomRequestIdGenerator.INSTANCE);
	}

}
