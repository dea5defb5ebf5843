package dev.apierrors.autoconfigure.aot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.BillingException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.DuplicateOrderException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.NotAnException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.Outer;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.PlainException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.RetiredException;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiErrorsBeanFactoryInitializationAotProcessor}: what ahead-of-time processing of an application
 * with the starter contributes, through Spring's {@link ApplicationContextAotGenerator} as Boot's build plugin runs
 * it.
 */
class ApiErrorsBeanFactoryInitializationAotProcessorTests {

	private final InMemoryGeneratedFiles generatedFiles = new InMemoryGeneratedFiles();

	@Test
	void mappedClassesAreRegisteredWithTheNamesTriedOnTheWay() {
		RuntimeHints hints = process(Map.of("api.errors.mappings[0].exception", "java.util.NoSuchElementException",
				"api.errors.mappings[0].status", "404", "api.errors.mappings[1].exception",
				Outer.MappedException.class.getCanonicalName(), "api.errors.mappings[1].status", "409"));
		assertThat(RuntimeHintsPredicates.reflection().onType(java.util.NoSuchElementException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Outer.MappedException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(Outer.MappedException.class.getCanonicalName()))).accepts(hints);
	}

	@Test
	void mappedClassThatIsMissingIsLeftToStartUpToReport() {
		RuntimeHints hints = process(Map.of("api.errors.mappings[0].exception", "com.example.MissingException",
				"api.errors.mappings[0].status", "404"));
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("com.example.MissingException")))
			.rejects(hints);
	}

	@Test
	void annotatedExceptionClassesOfTheApplicationPackagesAreRegistered() {
		RuntimeHints hints = process(Map.of());
		assertThat(RuntimeHintsPredicates.reflection().onType(DuplicateOrderException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(RetiredException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(BillingException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(PlainException.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(NotAnException.class)).rejects(hints);
	}

	@Test
	void bundlesOfTheConfiguredBasenamesAreRegistered() {
		RuntimeHints hints = process(Map.of("spring.messages.basename", "i18n/errors, messages"));
		assertThat(RuntimeHintsPredicates.resource().forResource("i18n/errors.properties")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("i18n/errors_fr.properties")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("i18n/errors_fr_CH.properties")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("messages_de.properties")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("other_de.properties")).rejects(hints);
	}

	@Test
	void bundlesOfBootsDefaultBasenameAreRegistered() {
		RuntimeHints hints = process(Map.of());
		assertThat(RuntimeHintsPredicates.resource().forResource("messages.properties")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("messages_fr.properties")).accepts(hints);
	}

	@Test
	void nothingOfTheApplicationIsRegisteredWhenTheStarterIsOff() {
		RuntimeHints hints = process(Map.of("api.errors.enabled", "false", "api.errors.mappings[0].exception",
				"java.util.NoSuchElementException", "api.errors.mappings[0].status", "404"));
		assertThat(RuntimeHintsPredicates.reflection().onType(java.util.NoSuchElementException.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(DuplicateOrderException.class)).rejects(hints);
	}

	@Test
	void settingsThatChoseBeansAreCheckedAtStartUp() throws IOException {
		process(Map.of("api.errors.idempotency.store", "memory"));
		assertThat(generatedSources()).contains("BuildTimeSettings.check(environment, "
				+ "\"api.errors.enabled\", \"true\", "
				+ "\"api.errors.idempotency.enabled\", \"true\", \"api.errors.idempotency.store\", \"memory\", "
				+ "\"api.errors.client.decode\", \"true\")");
	}

	@Test
	void settingsAreCheckedAtStartUpWhenTheStarterIsOffToo() throws IOException {
		process(Map.of("api.errors.enabled", "false"));
		assertThat(generatedSources()).contains("\"api.errors.enabled\", \"false\"");
	}

	private RuntimeHints process(Map<String, Object> properties) {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", new HashMap<>(properties)));
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(AotTestApplication.class);
		context.registerBean(StarterConfiguration.class);
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "AotTest")),
				this.generatedFiles);
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		generationContext.writeGeneratedContent();
		return generationContext.getRuntimeHints();
	}

	private String generatedSources() throws IOException {
		StringBuilder sources = new StringBuilder();
		for (InputStreamSource source : this.generatedFiles.getGeneratedFiles(Kind.SOURCE).values()) {
			try (InputStream in = source.getInputStream()) {
				sources.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return sources.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ApiErrorsAutoConfiguration.class)
	static class StarterConfiguration {

	}

}
