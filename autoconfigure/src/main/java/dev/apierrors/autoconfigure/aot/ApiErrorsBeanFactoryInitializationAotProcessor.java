package dev.apierrors.autoconfigure.aot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Modifier;

import org.jspecify.annotations.Nullable;

import dev.apierrors.autoconfigure.ApiErrorsProperties;
import dev.apierrors.autoconfigure.catalog.ErrorCodeTypes;
import dev.apierrors.core.i18n.MessageLocalizer;
import dev.apierrors.core.resolve.ErrorResolver;

import org.springframework.aot.generate.GeneratedMethod;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.javapoet.CodeBlock;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Contributes, at build time, what the starter reads at run time that depends on the application:
 * <ul>
 * <li>the classes named in {@code api.errors.mappings}, which the resolver loads by name (with the names it tries
 * on the way for nested classes);</li>
 * <li>the exception classes of the application's packages annotated with {@code @ApiError} or
 * {@code @ResponseStatus}, whose annotations the resolver reads (found by the scan of {@link ErrorCodeTypes}, which
 * {@link ApiErrorsCodeTypesBeanRegistrationAotProcessor} lists for the catalog);</li>
 * <li>the properties files of the message bundles ({@code spring.messages.basename}), whose locales the message
 * localizer lists;</li>
 * <li>the values of the settings that choose beans through conditions, checked again at start-up by
 * {@link BuildTimeSettings}.</li>
 * </ul>
 */
final class ApiErrorsBeanFactoryInitializationAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String MAPPINGS = "api.errors.mappings";

	private static final String MESSAGE_BASENAMES = "spring.messages.basename";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return null;
		}
		Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				Environment.class);
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		Set<String> types = new LinkedHashSet<>();
		Set<String> resourcePatterns = new LinkedHashSet<>();
		if (hasBean(beanFactory, ErrorResolver.class)) {
			types.addAll(mappedClassNames(environment, classLoader));
			types.addAll(annotatedExceptionClassNames(beanFactory, environment, classLoader));
		}
		if (hasBean(beanFactory, MessageLocalizer.class)) {
			resourcePatterns.addAll(bundlePatterns(environment));
		}
		return new Contribution(types, resourcePatterns, BuildTimeSettings.of(environment));
	}

	private static boolean hasBean(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
		return beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	/**
	 * Return the names the resolver tries when it loads the classes of {@code api.errors.mappings}: each mapped
	 * name, then the same with its last dots turned into {@code $} one by one, up to the one that loads.
	 */
	static List<String> mappedClassNames(Environment environment, @Nullable ClassLoader classLoader) {
		List<String> names = new ArrayList<>();
		List<ApiErrorsProperties.Mapping> mappings = Binder.get(environment)
			.bind(MAPPINGS, Bindable.listOf(ApiErrorsProperties.Mapping.class))
			.orElse(List.of());
		for (ApiErrorsProperties.Mapping mapping : mappings) {
			if (StringUtils.hasText(mapping.getException())) {
				names.addAll(candidates(mapping.getException().trim(), classLoader));
			}
		}
		return names;
	}

	private static List<String> candidates(String className, @Nullable ClassLoader classLoader) {
		List<String> tried = new ArrayList<>();
		String candidate = className;
		while (true) {
			tried.add(candidate);
			if (loads(candidate, classLoader)) {
				return tried;
			}
			int lastDot = candidate.lastIndexOf('.');
			if (lastDot <= 0) {
				// Not on the classpath: start-up reports the mapping, in a native image as on the JVM.
				return List.of();
			}
			candidate = candidate.substring(0, lastDot) + '$' + candidate.substring(lastDot + 1);
		}
	}

	private static boolean loads(String className, @Nullable ClassLoader classLoader) {
		try {
			Class.forName(className, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Return the exception classes of the application's packages (those of {@code @SpringBootApplication}) that
	 * carry {@code @ApiError} or {@code @ResponseStatus}, abstract and nested ones included: the exceptions among
	 * the error code types that the catalog's scan finds.
	 */
	static Set<String> annotatedExceptionClassNames(ConfigurableListableBeanFactory beanFactory,
			Environment environment, @Nullable ClassLoader classLoader) {
		Set<String> names = new LinkedHashSet<>();
		ErrorCodeTypes types = ErrorCodeTypes.scanning(beanFactory, environment,
				new DefaultResourceLoader(classLoader));
		for (String name : types.classNames()) {
			if (isThrowable(name, classLoader)) {
				names.add(name);
			}
		}
		return names;
	}

	private static boolean isThrowable(String className, @Nullable ClassLoader classLoader) {
		try {
			return Throwable.class.isAssignableFrom(ClassUtils.forName(className, classLoader));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Return the resource patterns of the properties files of Boot's message source: each basename and its
	 * locale variants.
	 */
	static List<String> bundlePatterns(Environment environment) {
		List<String> basenames = Binder.get(environment)
			.bind(MESSAGE_BASENAMES, Bindable.listOf(String.class))
			.orElse(List.of("messages"));
		List<String> patterns = new ArrayList<>();
		for (String basename : basenames) {
			String trimmed = basename.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			String path = trimmed.startsWith("classpath:") ? trimmed.substring("classpath:".length())
					: trimmed.replace('.', '/');
			path = StringUtils.trimLeadingCharacter(path, '/');
			patterns.add(path + ".properties");
			patterns.add(path + "_*.properties");
		}
		return patterns;
	}

	private static final class Contribution implements BeanFactoryInitializationAotContribution {

		private final Set<String> types;

		private final Set<String> resourcePatterns;

		private final Map<String, String> settings;

		Contribution(Set<String> types, Set<String> resourcePatterns, Map<String, String> settings) {
			this.types = types;
			this.resourcePatterns = resourcePatterns;
			this.settings = settings;
		}

		@Override
		public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
			RuntimeHints hints = generationContext.getRuntimeHints();
			this.types.forEach((type) -> hints.reflection().registerType(TypeReference.of(type)));
			this.resourcePatterns.forEach(hints.resources()::registerPattern);
			List<CodeBlock> arguments = new ArrayList<>();
			this.settings.forEach((name, value) -> arguments.add(CodeBlock.of("$S, $S", name, value)));
			GeneratedMethod check = code.getMethods().add("checkApiErrorsBuildTimeSettings", (method) -> method
				.addJavadoc("Fail start-up when a setting that chose the beans of api-errors at build time differs.")
				.addModifiers(Modifier.PRIVATE, Modifier.STATIC)
				.addParameter(ConfigurableEnvironment.class, "environment")
				.addStatement("$T.check(environment, $L)", BuildTimeSettings.class, CodeBlock.join(arguments, ", ")));
			code.addInitializer(check.toMethodReference());
		}

	}

}
