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
 * own entry point (HTTP Basic, form login, OAuth2 or SAML login, one-time tokens, WebAuthn, an OAuth2 resource or
 * authorization server) keeps it; whatever that entry point answers still gets the uniform body, through the error
 * dispatch or as an error status without a body.
 */
public class ApiErrorsSecurityConfigurer extends AbstractHttpConfigurer<ApiErrorsSecurityConfigurer, HttpSecurity> {

	private static final String CONFIGURERS = "org.springframework.security.config.annotation.web.configurers.";

	private static final String RESOURCE_SERVER = CONFIGURERS + "oauth2.server.resource.OAuth2ResourceServerConfigurer";

	private static final List<String> MECHANISMS_WITH_OWN_ENTRY_POINT = List.of(CONFIGURERS + "HttpBasicConfigurer",
			CONFIGURERS + "FormLoginConfigurer", CONFIGURERS + "oauth2.client.OAuth2LoginConfigurer",
			CONFIGURERS + "saml2.Saml2LoginConfigurer", CONFIGURERS + "ott.OneTimeTokenLoginConfigurer",
			CONFIGURERS + "WebAuthnConfigurer",
			CONFIGURERS + "oauth2.server.authorization.OAuth2AuthorizationServerConfigurer");

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
