package dev.apierrors;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.StringUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout conventions of Spring Boot's own code, checked with plain reflection over the starter's classes.
 */
class ArchitectureTests {

	private static final String API_PACKAGE = "dev.apierrors";

	private static Path classesDirectory;

	private static List<Class<?>> classes;

	@BeforeAll
	static void loadMainClasses() throws IOException, URISyntaxException {
		classesDirectory = Path.of(
				ApiErrorsAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		ClassLoader classLoader = ArchitectureTests.class.getClassLoader();
		try (Stream<Path> files = Files.walk(classesDirectory)) {
			classes = files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> classesDirectory.relativize(file).toString())
				.filter((name) -> !name.endsWith("package-info.class"))
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.<Class<?>>map((name) -> load(name, classLoader))
				.toList();
		}
		assertThat(classes).contains(ApiErrorsAutoConfiguration.class);
	}

	@Test
	void autoConfigurationsArePublicFinalWithPackagePrivateBeanMethods() throws IOException {
		List<Class<?>> autoConfigurations = autoConfigurations();
		assertThat(autoConfigurations).isNotEmpty();
		for (Class<?> type : autoConfigurations) {
			assertThat(type.isAnnotationPresent(AutoConfiguration.class)).as("%s is an @AutoConfiguration", type)
				.isTrue();
			assertThat(Modifier.isPublic(type.getModifiers()) && Modifier.isFinal(type.getModifiers()))
				.as("%s is public final", type)
				.isTrue();
			assertThat(Arrays.stream(type.getDeclaredConstructors()).map(Constructor::getModifiers))
				.as("constructors of %s", type)
				.noneMatch(Modifier::isPublic);
			assertBeanMethodsArePackagePrivate(type);
		}
	}

	@Test
	void nestedConfigurationsArePackagePrivateStaticAndLite() {
		for (Class<?> type : classes) {
			Configuration configuration = type.getAnnotation(Configuration.class);
			if (configuration != null && !type.isAnnotationPresent(AutoConfiguration.class)) {
				assertThat(type.isMemberClass()).as("%s is nested in an auto-configuration", type).isTrue();
				assertThat(Modifier.isStatic(type.getModifiers())).as("%s is static", type).isTrue();
				assertThat(Modifier.isPublic(type.getModifiers())).as("%s is not public", type).isFalse();
				assertThat(configuration.proxyBeanMethods()).as("%s proxies bean methods", type).isFalse();
				assertBeanMethodsArePackagePrivate(type);
			}
		}
	}

	@Test
	void noComponentScanningOrPropertySources() {
		assertThat(classes).noneMatch((type) -> MergedAnnotations.from(type).isPresent(ComponentScan.class)
				|| MergedAnnotations.from(type).isPresent(PropertySource.class));
	}

	@Test
	void conditionsAreNotPublic() {
		assertThat(classes).filteredOn(Condition.class::isAssignableFrom)
			.noneMatch((type) -> Modifier.isPublic(type.getModifiers()));
	}

	@Test
	void springFactoriesNameExistingNonPublicClasses() throws IOException {
		Properties factories = new Properties();
		try (var in = Files.newInputStream(classesDirectory.resolve("META-INF/spring.factories"))) {
			factories.load(in);
		}
		assertThat(factories).isNotEmpty();
		for (String key : factories.stringPropertyNames()) {
			for (String name : StringUtils.commaDelimitedListToStringArray(factories.getProperty(key))) {
				Class<?> type = load(name.trim(), ArchitectureTests.class.getClassLoader());
				assertThat(type).as("%s listed for %s", type, key)
					.isAssignableTo(load(key, ArchitectureTests.class.getClassLoader()));
				assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type).isFalse();
			}
		}
	}

	@Test
	void everyPackageIsNullMarked() {
		classes.stream().map(Class::getPackage).distinct().forEach((pkg) ->
				assertThat(pkg.isAnnotationPresent(NullMarked.class)).as("%s is @NullMarked", pkg.getName()).isTrue());
	}

	@Test
	void publicApiDoesNotExposeImplementationPackages() {
		for (Class<?> type : classes) {
			if (!type.getPackageName().equals(API_PACKAGE) || !Modifier.isPublic(type.getModifiers())) {
				continue;
			}
			List<Type> exposed = new ArrayList<>();
			exposed.add(type.getGenericSuperclass());
			exposed.addAll(Arrays.asList(type.getGenericInterfaces()));
			for (Method method : type.getDeclaredMethods()) {
				if (Modifier.isPublic(method.getModifiers()) || Modifier.isProtected(method.getModifiers())) {
					exposed.add(method.getGenericReturnType());
					exposed.addAll(Arrays.asList(method.getGenericParameterTypes()));
				}
			}
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (Modifier.isPublic(constructor.getModifiers()) || Modifier.isProtected(constructor.getModifiers())) {
					exposed.addAll(Arrays.asList(constructor.getGenericParameterTypes()));
				}
			}
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isPublic(field.getModifiers())) {
					exposed.add(field.getGenericType());
				}
			}
			exposed.stream()
				.filter((candidate) -> candidate != null)
				.map((candidate) -> ResolvableType.forType(candidate).resolve())
				.filter((resolved) -> resolved != null && resolved.getPackageName().startsWith(API_PACKAGE + "."))
				.forEach((resolved) -> assertThat(resolved).as("%s exposes %s", type, resolved).isNull());
		}
	}

	private static void assertBeanMethodsArePackagePrivate(Class<?> type) {
		for (Method method : type.getDeclaredMethods()) {
			if (method.isAnnotationPresent(Bean.class)) {
				int modifiers = method.getModifiers();
				assertThat(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers) || Modifier.isPrivate(modifiers))
					.as("@Bean method %s is package-private", method)
					.isFalse();
			}
		}
	}

	private static List<Class<?>> autoConfigurations() throws IOException {
		Path imports = classesDirectory
			.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		return Files.readAllLines(imports)
			.stream()
			.map(String::trim)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.<Class<?>>map((name) -> load(name, ArchitectureTests.class.getClassLoader()))
			.toList();
	}

	private static Class<?> load(String name, ClassLoader classLoader) {
		try {
			return Class.forName(name, false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
