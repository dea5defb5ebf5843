package dev.apierrors.servlet.resource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.WebResource;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.WebResourceSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.ServletContextResource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link StaticResourceIndex} and {@link IndexedResourceResolver} on a class loader made of a jar (without
 * directory entries, as many build tools write them) and a directory, counting what the class loader is asked.
 */
class StaticResourceIndexTests {

	@TempDir
	Path temp;

	private Path directory;

	private CountingClassLoader classLoader;

	private final StaticResourceIndex index = new StaticResourceIndex();

	@BeforeEach
	void classPath() throws IOException {
		Path jar = this.temp.resolve("resources.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "static/app.js", "console.log('jar');");
			entry(out, "META-INF/versions/17/static/versioned.js", "versioned");
			entry(out, "META-INF/resources/webjars/lib/1.0/lib.js", "webjar");
			entry(out, "elsewhere/other.txt", "not under a location");
		}
		this.directory = Files.createDirectories(this.temp.resolve("classes"));
		Files.createDirectories(this.directory.resolve("static"));
		Files.writeString(this.directory.resolve("static/dir.txt"), "directory");
		this.classLoader = new CountingClassLoader(
				new URL[] { jar.toUri().toURL(), this.directory.toUri().toURL() });
	}

	@AfterEach
	void close() throws IOException {
		this.classLoader.close();
	}

	@Test
	void jarEntriesUnderARegisteredLocationAreHeld() {
		Resource statics = location("static/");
		Resource webjars = location("META-INF/resources/webjars/");
		assertThat(this.index.register(statics)).isTrue();
		assertThat(this.index.register(webjars)).isTrue();
		assertThat(this.index.mayHold(statics, "app.js")).isTrue();
		assertThat(this.index.mayHold(statics, "versioned.js")).isTrue();
		assertThat(this.index.mayHold(webjars, "lib/1.0/lib.js")).isTrue();
		assertThat(this.index.mayHold(statics, "missing.js")).isFalse();
		assertThat(this.index.mayHold(webjars, "lib/1.0/missing.js")).isFalse();
		assertThat(this.classLoader.lookups).hasValue(0);
	}

	@Test
	void directoryFilesAreLookedAtOnEveryLookupSoThatAFileAddedLaterIsFound() throws IOException {
		Resource statics = location("static/");
		this.index.register(statics);
		assertThat(this.index.mayHold(statics, "dir.txt")).isTrue();
		assertThat(this.index.mayHold(statics, "later.txt")).isFalse();
		Files.writeString(this.directory.resolve("static/later.txt"), "added while running");
		assertThat(this.index.mayHold(statics, "later.txt")).isTrue();
	}

	@Test
	void locationsThatAreNotRegisteredOrNotOnTheClassPathAreNotRuledOut() {
		assertThat(this.index.mayHold(location("static/"), "missing.js")).isTrue();
		Resource file = new FileSystemResource(this.directory.resolve("static") + "/");
		assertThat(this.index.register(file)).isFalse();
		assertThat(this.index.mayHold(file, "missing.js")).isTrue();
		this.index.register(location("static/"));
		assertThat(this.index.mayHold(new ClassPathResource("elsewhere/", this.classLoader), "missing.txt")).isTrue();
	}

	@Test
	void aServletContextOfAnotherContainerIsNotRuledOut() {
		Resource root = new ServletContextResource(new MockServletContext(), "/");
		assertThat(this.index.register(root)).isFalse();
		assertThat(this.index.mayHold(root, "missing.js")).isTrue();
	}

	@Test
	void tomcatsServletContextRulesOutOnlyAPlainPathThatNeitherItsDocumentRootNorASetHolds() throws IOException {
		Path documentRoot = Files.createDirectories(this.directory.resolve("document-root"));
		Files.writeString(documentRoot.resolve("page.html"), "<html></html>");
		WebResourceSet jar = mock(WebResourceSet.class);
		WebResource missing = mock(WebResource.class);
		WebResource held = mock(WebResource.class);
		given(held.exists()).willReturn(true);
		given(jar.getResource(anyString())).willReturn(missing);
		given(jar.getResource("/webjars/app.js")).willReturn(held);
		WebResourceSet classLoaderOnly = mock(WebResourceSet.class);
		given(classLoaderOnly.getClassLoaderOnly()).willReturn(true);
		given(classLoaderOnly.getResource(anyString())).willReturn(held);
		WebResourceRoot resources = mock(WebResourceRoot.class);
		given(resources.getPreResources()).willReturn(new WebResourceSet[] { classLoaderOnly });
		given(resources.getJarResources()).willReturn(new WebResourceSet[] { jar });
		given(resources.getPostResources()).willReturn(new WebResourceSet[0]);
		MockServletContext servletContext = new MockServletContext() {

			@Override
			public String getRealPath(String path) {
				return documentRoot.resolve(path.substring(1)).toString();
			}

		};
		servletContext.setAttribute("org.apache.catalina.resources", resources);
		Resource root = new ServletContextResource(servletContext, "/");
		assertThat(this.index.register(root)).isTrue();
		assertThat(this.index.mayHold(root, "page.html")).isTrue();
		assertThat(this.index.mayHold(root, "webjars/app.js")).isTrue();
		assertThat(this.index.mayHold(root, "no/such/route")).isFalse();
		assertThat(this.index.mayHold(new ServletContextResource(servletContext, "/webjars/"), "app.js")).isTrue();
		// Left to Tomcat: protected directories and anything that is not a plain path.
		assertThat(this.index.mayHold(root, "WEB-INF/web.xml")).isTrue();
		assertThat(this.index.mayHold(root, "meta-inf/context.xml")).isTrue();
		assertThat(this.index.mayHold(root, "../outside.txt")).isTrue();
		assertThat(this.index.mayHold(root, "a:b")).isTrue();
		Files.writeString(documentRoot.resolve("later.html"), "added while running");
		assertThat(this.index.mayHold(root, "later.html")).isTrue();
	}

	@Test
	void aClassLoaderWhoseRootsAreUnknownIsNotIndexed() {
		ClassLoader unknown = new ClassLoader(null) {
		};
		Resource statics = new ClassPathResource("static/", unknown);
		this.index.register(statics);
		assertThat(this.index.mayHold(statics, "missing.js")).isTrue();
	}

	@Test
	void aMissIsAnsweredWithoutAskingTheClassLoader() throws Exception {
		ResourceHttpRequestHandler handler = handler(location("static/"));
		assertThatExceptionOfType(NoResourceFoundException.class)
			.isThrownBy(() -> handler.handleRequest(request("no/such/route"), new MockHttpServletResponse()));
		assertThat(this.classLoader.lookups).hasValue(0);
	}

	@Test
	void aFileInTheJarIsStillServedThroughThePathResolver() throws Exception {
		ResourceHttpRequestHandler handler = handler(location("static/"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.handleRequest(request("app.js"), response);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("console.log('jar');");
		assertThat(this.classLoader.lookups).hasPositiveValue();
	}

	@Test
	void theResolverPassesOnOnlyTheLocationsThatMayHoldThePathInTheirOrder() throws IOException {
		Files.writeString(this.directory.resolve("static/with space.txt"), "spaced");
		Resource file = new FileSystemResource(this.directory.resolve("static") + "/");
		Resource statics = location("static/");
		Resource webjars = location("META-INF/resources/webjars/");
		this.index.register(statics);
		this.index.register(webjars);
		IndexedResourceResolver resolver = new IndexedResourceResolver(this.index);
		RecordingChain chain = new RecordingChain();
		resolver.resolveResource(null, "app.js", List.of(file, webjars, statics), chain);
		assertThat(chain.locations).containsExactly(file, statics);
		resolver.resolveResource(null, "with%20space.txt", List.of(webjars, statics), chain);
		assertThat(chain.locations).containsExactly(statics);
		chain.locations = null;
		assertThat(resolver.resolveResource(null, "missing.js", List.of(webjars, statics), chain)).isNull();
		assertThat(resolver.resolveUrlPath("missing.js", List.of(webjars, statics), chain)).isNull();
		assertThat(chain.locations).isNull();
		assertThat(this.classLoader.lookups).hasValue(0);
	}

	private ResourceHttpRequestHandler handler(Resource location) throws Exception {
		this.index.register(location);
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(location));
		handler.setResourceResolvers(List.of(new IndexedResourceResolver(this.index), new PathResourceResolver()));
		handler.afterPropertiesSet();
		return handler;
	}

	private Resource location(String path) {
		return new ClassPathResource(path, this.classLoader);
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/" + path);
		request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, path);
		return request;
	}

	private static void entry(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

	/**
	 * Records the locations the next resolver is given.
	 */
	static final class RecordingChain implements ResourceResolverChain {

		List<Resource> locations;

		@Override
		public Resource resolveResource(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations) {
			this.locations = List.copyOf(locations);
			return null;
		}

		@Override
		public String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			this.locations = List.copyOf(locations);
			return null;
		}

	}

	/**
	 * Counts the resources it is asked for.
	 */
	static final class CountingClassLoader extends URLClassLoader {

		final AtomicInteger lookups = new AtomicInteger();

		CountingClassLoader(URL[] urls) {
			super(urls, null);
		}

		@Override
		public URL getResource(String name) {
			this.lookups.incrementAndGet();
			return super.getResource(name);
		}

	}

}
