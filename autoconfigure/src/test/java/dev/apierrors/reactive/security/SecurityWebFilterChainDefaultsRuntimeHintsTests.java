package dev.apierrors.reactive.security;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ExceptionTranslationWebFilter;
import org.springframework.security.web.server.csrf.CsrfWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecurityWebFilterChainDefaultsRuntimeHints}.
 */
class SecurityWebFilterChainDefaultsRuntimeHintsTests {

	@Test
	void privateFieldsOfSecuritysWebFiltersAreReadable() {
		RuntimeHints hints = new RuntimeHints();
		new SecurityWebFilterChainDefaultsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onFieldAccess(ExceptionTranslationWebFilter.class, "authenticationEntryPoint")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onFieldAccess(ExceptionTranslationWebFilter.class, "accessDeniedHandler")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(CsrfWebFilter.class, "accessDeniedHandler"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onFieldAccess(AuthenticationWebFilter.class, "authenticationConverter")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onFieldAccess(HttpBasicServerAuthenticationEntryPoint.class, "headerValue")).accepts(hints);
	}

	@Test
	void nothingIsRegisteredWithoutSpringSecuritysWebFluxSupport() {
		RuntimeHints hints = new RuntimeHints();
		new SecurityWebFilterChainDefaultsRuntimeHints().registerHints(hints,
				new FilteredClassLoader("org.springframework.security.web.server"));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	@Test
	void nothingIsRegisteredInAnApplicationWithoutWebFlux() {
		RuntimeHints hints = new RuntimeHints();
		new SecurityWebFilterChainDefaultsRuntimeHints().registerHints(hints,
				new FilteredClassLoader("org.springframework.web.reactive"));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

}
