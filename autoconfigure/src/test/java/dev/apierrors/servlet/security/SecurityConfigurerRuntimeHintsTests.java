package dev.apierrors.servlet.security;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.security.config.annotation.web.configurers.FormLoginConfigurer;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecurityConfigurerRuntimeHints}.
 */
class SecurityConfigurerRuntimeHintsTests {

	@Test
	void privateFieldsOfHttpBasicAreReadable() {
		RuntimeHints hints = register(getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(HttpBasicConfigurer.class, "basicAuthEntryPoint"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(BasicAuthenticationEntryPoint.class, "charset"))
			.accepts(hints);
	}

	@Test
	void loginConfigurersLookedUpByNameAreRegisteredWhenPresent() {
		ClassLoader classLoader = getClass().getClassLoader();
		RuntimeHints hints = register(classLoader);
		assertThat(RuntimeHintsPredicates.reflection().onType(FormLoginConfigurer.class)).accepts(hints);
		for (String name : ApiErrorsSecurityConfigurer.MECHANISMS_WITH_OWN_ENTRY_POINT) {
			boolean present = ClassUtils.isPresent(name, classLoader);
			assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(name)).test(hints)).as(name)
				.isEqualTo(present);
		}
	}

	@Test
	void nothingIsRegisteredWithoutSpringSecurity() {
		RuntimeHints hints = register(new FilteredClassLoader("org.springframework.security"));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	@Test
	void nothingIsRegisteredInAnApplicationWithoutSpringMvc() {
		RuntimeHints hints = register(new FilteredClassLoader("org.springframework.web.servlet"));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	private static RuntimeHints register(ClassLoader classLoader) {
		RuntimeHints hints = new RuntimeHints();
		new SecurityConfigurerRuntimeHints().registerHints(hints, classLoader);
		return hints;
	}

}
