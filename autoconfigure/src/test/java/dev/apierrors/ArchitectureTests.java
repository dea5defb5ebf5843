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

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.StringUtils;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout of the starter, checked with ArchUnit and reflection over its classes: package dependencies (the
 * public API depends on nothing of the starter, the core on no web stack, nothing on the auto-configuration, no
 * cycles) and the conventions of Spring Boot's own auto-configurations.
 */
class ArchitectureTests {

	private static final JavaClasses STARTER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.apierrors");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.apierrors.(**)").should().beFreeOfCycles().check(STARTER);
	}

	@Test
	void publicApiDependsOnNothingElseOfTheStarter() {
		noClasses().that()
			.resideInAPackage(API_PACKAGE_NAME)
			.should()
			.dependOnClassesThat(resideInAPackage("dev.apierrors..").and(not(resideInAPackage(API_PACKAGE_NAME))))
			.check(STARTER);
	}

	@Test
	void coreUsesNoWebStack() {
		noClasses().that()
			.resideInAPackage("dev.apierrors.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
					"org.springframework.web.reactive..", "org.springframework.web.server..",
					"org.springframework.http.server..", "reactor..", "dev.apierrors.servlet..",
					"dev.apierrors.reactive..", "dev.apierrors.client..")
			.check(STARTER);
	}

	@Test
	void coreUsesNoExceptionOfTheServletApiEitherThroughASuperclass() {
		noClasses().that()
			.resideInAPackage("dev.apierrors.core..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.assignableTo(resideInAPackage("jakarta.servlet..")))
			.check(STARTER);
	}

	@Test
	void webAdaptersStayApart() {
		noClasses().that()
			.resideInAPackage("dev.apierrors.servlet..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.apierrors.reactive..", "org.springframework.web.reactive..",
					"org.springframework.web.server..", "reactor..")
			.check(STARTER);
		noClasses().that()
			.resideInAPackage("dev.apierrors.reactive..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.apierrors.servlet..", "jakarta.servlet..", "org.springframework.web.servlet..")
			.check(STARTER);
	}

	@Test
	void nothingDependsOnTheAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("dev.apierrors.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.apierrors.autoconfigure..")
			.check(STARTER);
	}

	@Test
	void onlyThePublicApiHasExtensibleTypes() {
		classes().that()
			.resideOutsideOfPackage(API_PACKAGE_NAME)
			.and()
			.arePublic()
			.and()
			.areNotInterfaces()
			.and()
			.areNotAnnotatedWith(ConfigurationProperties.class)
			.and()
			.areNotNestedClasses()
			.should()
			.haveModifier(JavaModifier.FINAL)
			.check(STARTER);
	}

	@Test
	void interfacesOutsideThePublicApiAreTheCoresAdapterContract() {
		classes().that()
			.resideOutsideOfPackage(API_PACKAGE_NAME)
			.and()
			.areInterfaces()
			.and()
			.arePublic()
			.should()
			.resideInAPackage("dev.apierrors.core..")
			.check(STARTER);
	}

	private static final String API_PACKAGE = "dev.apierrors";

	private static final String API_PACKAGE_NAME = "dev.apierrors";

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
