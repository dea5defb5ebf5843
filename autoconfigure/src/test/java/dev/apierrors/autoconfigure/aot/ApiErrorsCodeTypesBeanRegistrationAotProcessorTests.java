package dev.apierrors.autoconfigure.aot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.BillingException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.DuplicateOrderException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.NotAnException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.PlainException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.QuotaException;
import dev.apierrors.autoconfigure.aot.app.AotTestApplication.RetiredException;
import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.autoconfigure.catalog.ErrorCodeTypes;
import dev.apierrors.core.catalog.ErrorCodeEntry.Source;
import dev.apierrors.core.catalog.ErrorCodeRegistry;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;
import org.springframework.web.context.support.GenericWebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiErrorsCodeTypesBeanRegistrationAotProcessor}: ahead-of-time processing, through Spring's
 * {@link ApplicationContextAotGenerator} as Boot's build plugin runs it, lists the error code types of the
 * application's packages in the generated code, and a context started from that code has the codes in its catalog
 * without scanning.
 */
class ApiErrorsCodeTypesBeanRegistrationAotProcessorTests {

	/** Where the application's classes are: a scan of its package looks its class files up here. */
	private static final String APPLICATION_PATH = AotTestApplication.class.getPackageName().replace('.', '/');

	private static final String SHELF_ERROR = AotTestApplication.class.getName() + "$ShelfError";

	private final InMemoryGeneratedFiles generatedFiles = new InMemoryGeneratedFiles();

	@Test
	void generatedBeanDefinitionListsWhatTheScanFinds() throws IOException {
		process();
		String sources = generatedSources();
		assertThat(sources).contains("ErrorCodeTypes.of(\"");
		assertThat(sources).contains(quoted(SHELF_ERROR), quoted(DuplicateOrderException.class.getName()),
				quoted(RetiredException.class.getName()), quoted(BillingException.class.getName()),
				quoted(QuotaException.class.getName()));
		assertThat(sources).doesNotContain(quoted(PlainException.class.getName()),
				quoted(NotAnException.class.getName()));
	}

	@Test
	void catalogTypesAreRegisteredForReflection() throws ClassNotFoundException {
		RuntimeHints hints = process();
		Class<?> shelfError = Class.forName(SHELF_ERROR);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(shelfError, "values")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(DuplicateOrderException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(QuotaException.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(PlainException.class)).rejects(hints);
	}

	@Test
	void contextStartedFromTheGeneratedCodeHasTheApplicationsCodesWithoutScanning(@TempDir Path directory)
			throws Exception {
		process();
		ApplicationContextInitializer<GenericApplicationContext> initializer = compileAndLoad(directory);
		RecordingClassLoader classLoader = new RecordingClassLoader(getClass().getClassLoader());
		try (GenericWebApplicationContext context = new GenericWebApplicationContext()) {
			context.setClassLoader(classLoader);
			initializer.initialize(context);
			context.refresh();
			assertThat(context.getBean(ErrorCodeTypes.class)).hasToString("ErrorCodeTypes (listed ahead of time)");
			assertApplicationCodes(context.getBean(ErrorCodeRegistry.class));
		}
		// The same class loader sees the scan of a context started without the generated code (the test below).
		assertThat(classLoader.lookups).noneMatch((name) -> name.startsWith(APPLICATION_PATH));
	}

	@Test
	void contextStartedWithoutGeneratedCodeScans() {
		RecordingClassLoader classLoader = new RecordingClassLoader(getClass().getClassLoader());
		try (GenericWebApplicationContext context = applicationContext()) {
			context.setClassLoader(classLoader);
			context.refresh();
			assertThat(context.getBean(ErrorCodeTypes.class)).hasToString("ErrorCodeTypes (scanned)");
			assertThat(classLoader.lookups).noneMatch((name) -> name.startsWith(APPLICATION_PATH));
			assertApplicationCodes(context.getBean(ErrorCodeRegistry.class));
		}
		assertThat(classLoader.lookups).anyMatch((name) -> name.startsWith(APPLICATION_PATH));
	}

	private static void assertApplicationCodes(ErrorCodeRegistry registry) {
		assertThat(registry.find("shelf_full").source()).isEqualTo(Source.APPLICATION);
		assertThat(registry.find("shelf_locked").status()).isEqualTo(409);
		assertThat(registry.find("duplicate_order").source()).isEqualTo(Source.API_ERROR);
	}

	private RuntimeHints process() {
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(AotTestApplication.class)), this.generatedFiles);
		new ApplicationContextAotGenerator().processAheadOfTime(applicationContext(), generationContext);
		generationContext.writeGeneratedContent();
		return generationContext.getRuntimeHints();
	}

	private static GenericWebApplicationContext applicationContext() {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBean(AotTestApplication.class);
		context.registerBean(StarterConfiguration.class);
		return context;
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

	/**
	 * Compile the generated sources and define their classes beside the classes they were generated for (the
	 * generated code calls package-private members, as it does in an application), then return the generated
	 * initializer, which Boot calls when {@code spring.aot.enabled} is {@code true}.
	 */
	@SuppressWarnings("unchecked")
	private ApplicationContextInitializer<GenericApplicationContext> compileAndLoad(Path directory) throws Exception {
		Path sources = directory.resolve("sources");
		Path classes = Files.createDirectories(directory.resolve("classes"));
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path")));
		Map<String, InputStreamSource> generated = this.generatedFiles.getGeneratedFiles(Kind.SOURCE);
		for (Map.Entry<String, InputStreamSource> file : generated.entrySet()) {
			Path source = sources.resolve(file.getKey());
			Files.createDirectories(source.getParent());
			try (InputStream in = file.getValue().getInputStream()) {
				Files.write(source, in.readAllBytes());
			}
			arguments.add(source.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac's exit code").isZero();
		List<Path> classFiles;
		try (Stream<Path> files = Files.walk(classes)) {
			classFiles = files.filter((file) -> file.toString().endsWith(".class")).sorted().toList();
		}
		for (Path classFile : classFiles) {
			String name = classes.relativize(classFile).toString().replace('/', '.').replace(".class", "");
			Class<?> neighbour = Class.forName(name.substring(0, name.indexOf("__")));
			MethodHandles.privateLookupIn(neighbour, MethodHandles.lookup()).defineClass(Files.readAllBytes(classFile));
		}
		return (ApplicationContextInitializer<GenericApplicationContext>) Class
			.forName(AotTestApplication.class.getName() + "__ApplicationContextInitializer")
			.getDeclaredConstructor()
			.newInstance();
	}

	private static String quoted(String name) {
		return "\"" + name + "\"";
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ApiErrorsAutoConfiguration.class, ApiErrorsCatalogAutoConfiguration.class })
	static class StarterConfiguration {

	}

	/**
	 * Records the resources looked up through it: a classpath scan of a package looks up the package's directory.
	 */
	static final class RecordingClassLoader extends ClassLoader {

		final List<String> lookups = new CopyOnWriteArrayList<>();

		RecordingClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public URL getResource(String name) {
			this.lookups.add(name);
			return super.getResource(name);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			this.lookups.add(name);
			return super.getResources(name);
		}

	}

}
