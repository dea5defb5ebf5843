package dev.apierrors.autoconfigure.aot;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code META-INF/spring/aot.factories}: Spring finds and instantiates every registrar and processor.
 */
class AotFactoriesTests {

	private final SpringFactoriesLoader loader = SpringFactoriesLoader
		.forResourceLocation("META-INF/spring/aot.factories");

	@Test
	void registrarsAreLoaded() {
		List<String> names = this.loader.load(RuntimeHintsRegistrar.class)
			.stream()
			.map((registrar) -> registrar.getClass().getName())
			.toList();
		assertThat(names).contains("dev.apierrors.autoconfigure.aot.AnnotationRuntimeHints",
				"dev.apierrors.autoconfigure.aot.ClassPresenceRuntimeHints",
				"dev.apierrors.reactive.security.SecurityWebFilterChainDefaultsRuntimeHints",
				"dev.apierrors.servlet.security.SecurityConfigurerRuntimeHints");
	}

	@Test
	void processorIsLoaded() {
		assertThat(this.loader.load(BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(ApiErrorsBeanFactoryInitializationAotProcessor.class);
	}

	@Test
	void registrationProcessorIsLoaded() {
		assertThat(this.loader.load(BeanRegistrationAotProcessor.class))
			.hasAtLeastOneElementOfType(ApiErrorsCodeTypesBeanRegistrationAotProcessor.class);
	}

}
