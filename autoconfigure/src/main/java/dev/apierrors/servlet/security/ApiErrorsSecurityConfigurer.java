package dev.apierrors.servlet.security;

import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.apierrors.core.http.AuthenticationChallenges;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the starter's entry point and access-denied handler as Spring Security's defaults for every filter
 * chain. They are only defaults: a handler the application sets itself wins, and a chain that configures a login
 * mechanism with its own entry point (HTTP Basic, form login, OAuth2 or SAML login, one-time tokens, WebAuthn, an
 * OAuth2 resource or authorization server) keeps it; whatever that entry point answers still gets the uniform
 * body, through the error dispatch or as an error status without a body.
 *
 * <p>A chain with HTTP Basic also tells the error writer its challenge ({@code Basic} with the chain's realm and
 * charset, as its entry point sends it), so
 * that any 401 of that chain announces the scheme the chain accepts, and none for the requests Basic deliberately
 * answers without one ({@code X-Requested-With: XMLHttpRequest}, so that browsers show no login dialog).
 */
public final class ApiErrorsSecurityConfigurer
		extends AbstractHttpConfigurer<ApiErrorsSecurityConfigurer, HttpSecurity> {

	static final String CONFIGURERS = "org.springframework.security.config.annotation.web.configurers.";

	static final String RESOURCE_SERVER = CONFIGURERS + "oauth2.server.resource.OAuth2ResourceServerConfigurer";

	static final List<String> MECHANISMS_WITH_OWN_ENTRY_POINT = List.of(CONFIGURERS + "HttpBasicConfigurer",
			CONFIGURERS + "FormLoginConfigurer", CONFIGURERS + "oauth2.client.OAuth2LoginConfigurer",
			CONFIGURERS + "saml2.Saml2LoginConfigurer", CONFIGURERS + "ott.OneTimeTokenLoginConfigurer",
			CONFIGURERS + "WebAuthnConfigurer",
			CONFIGURERS + "oauth2.server.authorization.OAuth2AuthorizationServerConfigurer");

	private static final String DEFAULT_BASIC_REALM = "Realm";

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

	@Override
	@SuppressWarnings("unchecked")
	public void configure(HttpSecurity http) {
		HttpBasicConfigurer<HttpSecurity> basic = http.getConfigurer(HttpBasicConfigurer.class);
		if (basic != null) {
			http.addFilterBefore(new ChallengeHintFilter(basicChallenge(basic)), DisableEncodeUrlFilter.class);
		}
	}

	/**
	 * Return the challenge HTTP Basic sends ({@code Basic realm="...", charset="UTF-8"}), read once at start-up from
	 * the entry point its configurer keeps to itself.
	 */
	private static String basicChallenge(HttpBasicConfigurer<?> basic) {
		String realm = DEFAULT_BASIC_REALM;
		Object charset = StandardCharsets.UTF_8;
		try {
			if (read(HttpBasicConfigurer.class, "basicAuthEntryPoint", basic) instanceof BasicAuthenticationEntryPoint
					entryPoint) {
				if (entryPoint.getRealmName() != null) {
					realm = entryPoint.getRealmName();
				}
				charset = read(BasicAuthenticationEntryPoint.class, "charset", entryPoint);
			}
		}
		catch (IllegalAccessException | RuntimeException ex) {
			// Spring Security's defaults, then.
		}
		String challenge = "Basic realm=" + AuthenticationChallenges.quoted(realm);
		return (charset instanceof Charset name) ? challenge + ", charset=\"" + name.name() + "\"" : challenge;
	}

	private static @Nullable Object read(Class<?> type, String name, Object target) throws IllegalAccessException {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return field.get(target);
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
