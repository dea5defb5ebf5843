package dev.apierrors.it.resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;
import java.util.jar.JarOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;

import dev.apierrors.it.Http;
import dev.apierrors.servlet.resource.StaticResourceIndex;
import org.apache.catalina.Lifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static resources over real HTTP with the index, without it, and with Boot's resource chain, in applications whose
 * class path has a jar of static resources (built here, without directory entries) before the test class path,
 * whose {@code target/test-classes/static} is a directory, and whose Tomcat serves a document root directory. The
 * class loader counts the lookups of the unknown route, and so does a cache strategy set on Tomcat's resources (Tomcat
 * asks it on every lookup through its resource cache).
 */
class StaticResourceIndexIntegrationTests {

	private static final String UNKNOWN = "no/such/route";

	private static final String JAR_FILE = "served from a jar";

	private static final String DOCUMENT_ROOT_FILE = "served from the document root";

	private static Path documentRoot;

	@TempDir
	static Path temp;

	private static final List<App> apps = new ArrayList<>();

	private static App indexed;

	private static App probing;

	private static App chained;

	@BeforeAll
	static void start() throws IOException {
		documentRoot = Files.createDirectories(temp.resolve("document-root"));
		Files.writeString(documentRoot.resolve("from-document-root.txt"), DOCUMENT_ROOT_FILE);
		Path jar = temp.resolve("static-resources.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "static/from-jar.txt", JAR_FILE.getBytes(StandardCharsets.UTF_8));
			entry(out, "static/from-jar.txt.gz", gzip(JAR_FILE));
			entry(out, "static/index.html", "<html>welcome</html>".getBytes(StandardCharsets.UTF_8));
			entry(out, "static/app/index.html", "<html>single-page app</html>".getBytes(StandardCharsets.UTF_8));
			entry(out, "META-INF/resources/webjars/demo/1.0/demo.js", "webjar".getBytes(StandardCharsets.UTF_8));
			entry(out, "assets-in-jar/app.css", "body {}".getBytes(StandardCharsets.UTF_8));
		}
		URL jarUrl = jar.toUri().toURL();
		indexed = App.start(jarUrl, "spring.web.resources.cache.cachecontrol.max-age=1h");
		probing = App.start(jarUrl, "spring.web.resources.cache.cachecontrol.max-age=1h",
				"api.errors.static-resources.index=false");
		chained = App.start(jarUrl, "spring.web.resources.chain.strategy.content.enabled=true",
				"spring.web.resources.chain.strategy.content.paths=/**", "spring.web.resources.chain.compressed=true");
	}

	@AfterAll
	static void stop() {
		apps.forEach(App::close);
	}

	@ParameterizedTest(name = "index {0}")
	@ValueSource(booleans = { true, false })
	void aFileInAJarIsServedWithItsCachingHeaders(boolean index) {
		App app = index ? indexed : probing;
		Http.Response response = app.http.get("/from-jar.txt");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(JAR_FILE);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.header("Cache-Control")).isEqualTo("max-age=3600");
		assertThat(response.header("Last-Modified")).isNotNull();
		assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(JAR_FILE.length()));
	}

	@ParameterizedTest(name = "index {0}")
	@ValueSource(booleans = { true, false })
	void webjarsAndTheWelcomePageAreServed(boolean index) {
		App app = index ? indexed : probing;
		assertThat(app.http.get("/webjars/demo/1.0/demo.js").body()).isEqualTo("webjar");
		Http.Response welcome = app.http.get("/", "Accept", "text/html");
		assertThat(welcome.status()).isEqualTo(200);
		assertThat(welcome.body()).isEqualTo("<html>welcome</html>");
	}

	@Test
	void theIndexHoldsTheJarsEntries() {
		StaticResourceIndex index = indexed.context.getBean(StaticResourceIndex.class);
		Resource statics = new ClassPathResource("static/", indexed.context.getClassLoader());
		assertThat(index.mayHold(statics, "from-jar.txt")).isTrue();
		assertThat(index.mayHold(statics, "app/index.html")).isTrue();
		assertThat(index.mayHold(statics, UNKNOWN)).isFalse();
		assertThat(probing.context.getBeanNamesForType(StaticResourceIndex.class)).isEmpty();
	}

	@ParameterizedTest(name = "index {0}")
	@ValueSource(booleans = { true, false })
	void aFileInAClassPathDirectoryIsServedAndOneCreatedWhileRunningIsFound(boolean index) throws Exception {
		App app = index ? indexed : probing;
		assertThat(app.http.get("/public/range.txt").status()).isEqualTo(200);
		Path directory = Path.of(StaticResourceIndexIntegrationTests.class.getResource("/static/public/range.txt")
			.toURI()).getParent();
		String name = "created-" + System.nanoTime() + ".txt";
		assertNotFound(app.http.get("/public/" + name));
		Path created = Files.writeString(directory.resolve(name), "created while running");
		try {
			Http.Response response = app.http.get("/public/" + name);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("created while running");
		}
		finally {
			Files.delete(created);
		}
	}

	@Test
	void anUnknownRouteIsTheStartersNotFoundWithoutAskingTheClassLoader() {
		int before = indexed.classLoader.lookups.get();
		assertNotFound(indexed.http.get("/" + UNKNOWN));
		assertNotFound(indexed.http.get("/webjars/" + UNKNOWN));
		assertThat(indexed.classLoader.lookups.get()).isEqualTo(before);
	}

	@Test
	void unknownRoutesLeaveNoEntryInTomcatsResourceCache() {
		TomcatLookups tomcat = indexed.context.getBean(TomcatLookups.class);
		int before = tomcat.unknown.get();
		for (int i = 0; i < 20; i++) {
			assertNotFound(indexed.http.get("/" + UNKNOWN + "/" + UUID.randomUUID()));
		}
		assertNotFound(indexed.http.get("/" + UNKNOWN));
		assertThat(tomcat.unknown.get()).isEqualTo(before);
	}

	@Test
	void withoutTheIndexTomcatCachesEveryUnknownRoute() {
		TomcatLookups tomcat = probing.context.getBean(TomcatLookups.class);
		int before = tomcat.unknown.get();
		assertNotFound(probing.http.get("/" + UNKNOWN + "/" + UUID.randomUUID()));
		assertThat(tomcat.unknown.get()).isGreaterThan(before);
	}

	@ParameterizedTest(name = "index {0}")
	@ValueSource(booleans = { true, false })
	void aFileInTheDocumentRootIsServed(boolean index) {
		App app = index ? indexed : probing;
		Http.Response served = app.http.get("/from-document-root.txt");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(DOCUMENT_ROOT_FILE);
	}

	@Test
	void aFileCreatedInTheDocumentRootWhileRunningIsFoundAtOnce() throws IOException {
		// Without the index Tomcat's resource cache answers a miss it remembers until its entry expires (5 s).
		String name = "created-" + System.nanoTime() + ".txt";
		assertNotFound(indexed.http.get("/late/" + name));
		Path created = Files.writeString(Files.createDirectories(documentRoot.resolve("late")).resolve(name),
				"created in the document root while running");
		try {
			Http.Response response = indexed.http.get("/late/" + name);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("created in the document root while running");
		}
		finally {
			Files.delete(created);
		}
	}

	@Test
	void withoutTheIndexAnUnknownRouteIsLookedForOnTheClassPath() {
		int before = probing.classLoader.lookups.get();
		assertNotFound(probing.http.get("/" + UNKNOWN));
		assertThat(probing.classLoader.lookups.get()).isGreaterThan(before);
	}

	@ParameterizedTest(name = "index {0}")
	@ValueSource(booleans = { true, false })
	void theApplicationsOwnResourceHandlersKeepWorking(boolean index) {
		App app = index ? indexed : probing;
		assertThat(app.http.get("/assets/app.css").body()).isEqualTo("body {}");
		assertNotFound(app.http.get("/assets/missing.css"));
		// A resolver of its own (here a single-page app's fallback) is left as it is.
		Http.Response spa = app.http.get("/spa/some/client/route");
		assertThat(spa.status()).isEqualTo(200);
		assertThat(spa.body()).isEqualTo("<html>single-page app</html>");
	}

	@Test
	void theResourceChainServesVersionedAndEncodedFilesFromTheJar() {
		String version = DigestUtils.md5DigestAsHex(JAR_FILE.getBytes(StandardCharsets.UTF_8));
		Http.Response versioned = chained.http.get("/from-jar-" + version + ".txt");
		assertThat(versioned.status()).isEqualTo(200);
		assertThat(versioned.body()).isEqualTo(JAR_FILE);
		assertNotFound(chained.http.get("/from-jar-0123456789abcdef0123456789abcdef.txt"));
		Http.Response encoded = chained.http.get("/from-jar.txt", "Accept-Encoding", "gzip");
		assertThat(encoded.status()).isEqualTo(200);
		assertThat(encoded.header("Content-Encoding")).isEqualTo("gzip");
		int before = chained.classLoader.lookups.get();
		assertNotFound(chained.http.get("/" + UNKNOWN, "Accept-Encoding", "gzip"));
		assertThat(chained.classLoader.lookups.get()).isEqualTo(before);
	}

	private static void assertNotFound(Http.Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/json;charset=UTF-8");
		JsonNode body = response.json();
		assertThat(body.get("error").asString()).isEqualTo("not_found");
		assertThat(body.get("request_id").asString()).isEqualTo(response.header("X-Request-Id"));
	}

	private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(content);
		out.closeEntry();
	}

	private static byte[] gzip(String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private record App(ConfigurableApplicationContext context, CountingClassLoader classLoader, Http http) {

		static App start(URL jar, String... properties) {
			CountingClassLoader classLoader = new CountingClassLoader(jar);
			ConfigurableApplicationContext context = new SpringApplicationBuilder(StaticApplication.class)
				.resourceLoader(new DefaultResourceLoader(classLoader))
				.properties("server.port=0", "spring.main.banner-mode=off")
				.properties(properties)
				.run();
			App app = new App(context, classLoader,
					new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class)));
			apps.add(app);
			return app;
		}

		void close() {
			this.context.close();
			try {
				this.classLoader.close();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * The jar before the test class path; counts the lookups of the unknown route.
	 */
	static final class CountingClassLoader extends URLClassLoader {

		final AtomicInteger lookups = new AtomicInteger();

		CountingClassLoader(URL jar) {
			super(new URL[] { jar }, StaticResourceIndexIntegrationTests.class.getClassLoader());
		}

		@Override
		public URL getResource(String name) {
			if (name.endsWith(UNKNOWN)) {
				this.lookups.incrementAndGet();
			}
			return super.getResource(name);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StaticApplication implements WebMvcConfigurer {

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/assets-in-jar/");
			registry.addResourceHandler("/spa/**")
				.addResourceLocations("classpath:/static/app/")
				.resourceChain(false)
				.addResolver(new PathResourceResolver() {

					@Override
					protected Resource getResource(String resourcePath, Resource location) throws IOException {
						Resource resource = location.createRelative(resourcePath);
						return resource.isReadable() ? resource : location.createRelative("index.html");
					}

				});
		}

		@Bean
		WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> documentRoot() {
			return (factory) -> factory.setDocumentRoot(documentRoot.toFile());
		}

		@Bean
		TomcatLookups tomcatLookups() {
			return new TomcatLookups();
		}

		@Bean
		TomcatContextCustomizer countingCacheStrategy(TomcatLookups lookups) {
			return (context) -> context.addLifecycleListener((event) -> {
				if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
					context.getResources().setCacheStrategy((path) -> {
						if (path.contains(UNKNOWN)) {
							lookups.unknown.incrementAndGet();
						}
						return false;
					});
				}
			});
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	/**
	 * Counts the lookups of the unknown route through Tomcat's resource cache.
	 */
	static final class TomcatLookups {

		final AtomicInteger unknown = new AtomicInteger();

	}

}
