package dev.apierrors.reactive.security;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Registers the private fields of Spring Security's WebFlux filters that {@link SecurityWebFilterChainDefaults}
 * reads by reflection to tell Security's own defaults from the application's handlers. Registered only when
 * Spring WebFlux and Spring Security's WebFlux support are present.
 */
final class SecurityWebFilterChainDefaultsRuntimeHints implements RuntimeHintsRegistrar {

	private static final String PACKAGE = "org.springframework.security.web.server.";

	static final String EXCEPTION_TRANSLATION = PACKAGE + "authorization.ExceptionTranslationWebFilter";

	static final String CSRF = PACKAGE + "csrf.CsrfWebFilter";

	static final String AUTHENTICATION = PACKAGE + "authentication.AuthenticationWebFilter";

	static final String HTTP_BASIC_ENTRY_POINT = PACKAGE + "authentication.HttpBasicServerAuthenticationEntryPoint";

	private static final String WEBFLUX = "org.springframework.web.reactive.config.WebFluxConfigurer";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(WEBFLUX, classLoader) || !ClassUtils.isPresent(EXCEPTION_TRANSLATION, classLoader)) {
			return;
		}
		register(hints, EXCEPTION_TRANSLATION, "authenticationEntryPoint", "accessDeniedHandler");
		register(hints, CSRF, "accessDeniedHandler");
		register(hints, AUTHENTICATION, "authenticationConverter");
		register(hints, HTTP_BASIC_ENTRY_POINT, "headerValue");
	}

	private static void register(RuntimeHints hints, String type, String... fields) {
		hints.reflection().registerType(TypeReference.of(type), (hint) -> {
			for (String field : fields) {
				hint.withField(field);
			}
		});
	}

}
