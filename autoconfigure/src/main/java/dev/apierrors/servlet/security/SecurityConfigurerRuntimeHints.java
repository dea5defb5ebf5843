package dev.apierrors.servlet.security;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Registers what {@link ApiErrorsSecurityConfigurer} reads by reflection: the private fields that hold HTTP Basic's
 * entry point and its charset, and the login configurers it looks up by name to tell whether a chain has an entry
 * point of its own. Registered only when Spring MVC and Spring Security's web configuration are present.
 */
final class SecurityConfigurerRuntimeHints implements RuntimeHintsRegistrar {

	static final String HTTP_BASIC_CONFIGURER = ApiErrorsSecurityConfigurer.CONFIGURERS + "HttpBasicConfigurer";

	static final String BASIC_ENTRY_POINT = "org.springframework.security.web.authentication.www."
			+ "BasicAuthenticationEntryPoint";

	private static final String WEB_MVC = "org.springframework.web.servlet.DispatcherServlet";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(WEB_MVC, classLoader) || !ClassUtils.isPresent(HTTP_BASIC_CONFIGURER, classLoader)) {
			return;
		}
		hints.reflection().registerType(TypeReference.of(HTTP_BASIC_CONFIGURER),
				(type) -> type.withField("basicAuthEntryPoint"));
		if (ClassUtils.isPresent(BASIC_ENTRY_POINT, classLoader)) {
			hints.reflection().registerType(TypeReference.of(BASIC_ENTRY_POINT), (type) -> type.withField("charset"));
		}
		registerIfPresent(hints, classLoader, ApiErrorsSecurityConfigurer.RESOURCE_SERVER);
		for (String configurer : ApiErrorsSecurityConfigurer.MECHANISMS_WITH_OWN_ENTRY_POINT) {
			registerIfPresent(hints, classLoader, configurer);
		}
	}

	private static void registerIfPresent(RuntimeHints hints, @Nullable ClassLoader classLoader, String name) {
		if (ClassUtils.isPresent(name, classLoader)) {
			hints.reflection().registerType(TypeReference.of(name));
		}
	}

}
