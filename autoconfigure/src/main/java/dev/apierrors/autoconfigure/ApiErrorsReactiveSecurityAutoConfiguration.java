package dev.apierrors.autoconfigure;

import dev.apierrors.reactive.ReactiveErrorWriter;
import dev.apierrors.reactive.security.ApiErrorsServerAccessDeniedHandler;
import dev.apierrors.reactive.security.ApiErrorsServerAuthenticationEntryPoint;
import dev.apierrors.reactive.security.ReactiveSecurityRules;
import dev.apierrors.reactive.security.SecurityWebFilterChainDefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Auto-configuration of api-errors for Spring Security in a WebFlux application: an entry point and an
 * access-denied handler that answer 401 and 403 with the uniform body, made the defaults of every
 * {@code SecurityWebFilterChain}.
 */
// After Boot's reactive security auto-configuration, whose filter chains get the defaults, and after the WebFlux
// auto-configuration, whose writer the handlers use.
@AutoConfiguration(after = ApiErrorsWebFluxAutoConfiguration.class,
		afterName = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, SecurityWebFilterChain.class })
@ConditionalOnBean(ReactiveErrorWriter.class)
public final class ApiErrorsReactiveSecurityAutoConfiguration {

	ApiErrorsReactiveSecurityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsServerAuthenticationEntryPoint apiErrorsServerAuthenticationEntryPoint(ReactiveErrorWriter writer) {
		return new ApiErrorsServerAuthenticationEntryPoint(writer);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsServerAccessDeniedHandler apiErrorsServerAccessDeniedHandler(ReactiveErrorWriter writer) {
		return new ApiErrorsServerAccessDeniedHandler(writer);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveSecurityRules apiErrorsReactiveSecurityRules() {
		return new ReactiveSecurityRules();
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsSecurityWebFilterChainDefaults")
	static SecurityWebFilterChainDefaults apiErrorsSecurityWebFilterChainDefaults(
			ObjectProvider<ApiErrorsServerAuthenticationEntryPoint> entryPoint,
			ObjectProvider<ApiErrorsServerAccessDeniedHandler> accessDeniedHandler) {
		return new SecurityWebFilterChainDefaults(entryPoint::getObject, accessDeniedHandler::getObject);
	}

}
