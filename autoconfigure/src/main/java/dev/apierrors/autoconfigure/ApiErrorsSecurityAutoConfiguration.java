package dev.apierrors.autoconfigure;

import dev.apierrors.servlet.ServletErrorWriter;
import dev.apierrors.servlet.security.ApiErrorsAccessDeniedHandler;
import dev.apierrors.servlet.security.ApiErrorsAuthenticationEntryPoint;
import dev.apierrors.servlet.security.ApiErrorsSecurityConfigurer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Auto-configuration of api-errors for Spring Security in a servlet application: an entry point and an
 * access-denied handler that answer 401 and 403 with the uniform body, made the defaults of every
 * {@code HttpSecurity} filter chain through a {@code Customizer<HttpSecurity>}.
 */
// After Boot's security auto-configuration, whose filter chains the customizer applies to, and after the
// Spring MVC auto-configuration, whose writer the handlers use.
@AutoConfiguration(after = ApiErrorsWebMvcAutoConfiguration.class,
		afterName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, AuthenticationEntryPoint.class })
@ConditionalOnBean(ServletErrorWriter.class)
public final class ApiErrorsSecurityAutoConfiguration {

	ApiErrorsSecurityAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsAuthenticationEntryPoint apiErrorsAuthenticationEntryPoint(ServletErrorWriter writer) {
		return new ApiErrorsAuthenticationEntryPoint(writer);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsAccessDeniedHandler apiErrorsAccessDeniedHandler(ServletErrorWriter writer) {
		return new ApiErrorsAccessDeniedHandler(writer);
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsHttpSecurityCustomizer")
	Customizer<HttpSecurity> apiErrorsHttpSecurityCustomizer(ApiErrorsAuthenticationEntryPoint entryPoint,
			ApiErrorsAccessDeniedHandler accessDeniedHandler) {
		return (http) -> http.with(new ApiErrorsSecurityConfigurer(entryPoint, accessDeniedHandler));
	}

}
