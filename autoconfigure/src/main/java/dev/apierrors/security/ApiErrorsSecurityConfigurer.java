package dev.apierrors.security;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.util.ClassUtils;

/**
 * Registers the starter's entry point and access-denied handler as Spring Security's defaults. They are only
 * defaults: a handler the application sets itself wins, and a chain that configures a login mechanism with its
 * own challenge (HTTP Basic, form login, OAuth2 resource server) keeps that mechanism's entry point; its
 * {@code sendError} is then answered with the uniform body by the error dispatch.
 */
public class ApiErrorsSecurityConfigurer extends AbstractHttpConfigurer<ApiErrorsSecurityConfigurer, HttpSecurity> {

	private static final String RESOURCE_SERVER = "org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer";

	private static final List<String> MECHANISMS_WITH_OWN_ENTRY_POINT = List.of(
			"org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer",
			"org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer");

	private final AuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler accessDeniedHandler;

	/**
	 * Create the configurer.
	 * @param entryPoint the entry point for unauthenticated requests
	 * @param accessDeniedHandler the handler for denied requests
	 */
	public ApiErrorsSecurityConfigurer(AuthenticationEntryPoint entryPoint, AccessDeniedHandler accessDeniedHandler) {
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
	}

	@Override
	public void init(HttpSecurity http) {
		ExceptionHandlingConfigurer<HttpSecurity> exceptionHandling = http
			.getConfigurer(ExceptionHandlingConfigurer.class);
		if (exceptionHandling == null || has(http, RESOURCE_SERVER)) {
			return;
		}
		if (MECHANISMS_WITH_OWN_ENTRY_POINT.stream().noneMatch((name) -> has(http, name))) {
			exceptionHandling.defaultAuthenticationEntryPointFor(this.entryPoint, AnyRequestMatcher.INSTANCE);
		}
		exceptionHandling.defaultAccessDeniedHandlerFor(this.accessDeniedHandler, AnyRequestMatcher.INSTANCE);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static boolean has(HttpSecurity http, String configurer) {
		ClassLoader classLoader = ApiErrorsSecurityConfigurer.class.getClassLoader();
		if (!ClassUtils.isPresent(configurer, classLoader)) {
			return false;
		}
		Class type = ClassUtils.resolveClassName(configurer, classLoader);
		return http.getConfigurer(type) != null;
	}

}
