package dev.apierrors.test;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test that uses one client compiles and runs without the other clients' stacks: javac's overload resolution of
 * {@code assertThatApiError} must not need a class file of a stack the test does not use.
 */
class ClientIndependenceTests {

	private static final List<String> REACTIVE_STACK = List.of("spring-webflux", "reactor-", "reactive-streams",
			"netty");

	private static final List<String> SERVLET_STACK = List.of("jakarta.servlet-api", "tomcat-embed", "spring-webmvc",
			"spring-boot-webmvc", "spring-boot-tomcat", "spring-boot-servlet");

	private static final String MOCK_MVC_TEST = """
			import java.net.http.HttpResponse;
			import org.springframework.http.ResponseEntity;
			import org.springframework.test.web.servlet.assertj.MockMvcTester;
			import org.springframework.test.web.servlet.client.RestTestClient;
			import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
			class MockMvcTest {
				void test(MockMvcTester mvc, RestTestClient client, HttpResponse<String> http,
						ResponseEntity<String> entity) {
					assertThatApiError(mvc.get().uri("/api/users/7")).hasStatus(404).isUniform();
					assertThatApiError(mvc.get().uri("/api/users/7").exchange()).hasCode("user_not_found");
					assertThatApiError(client.get().uri("/api/users/7").exchange()).hasCode("user_not_found");
					assertThatApiError(http).hasCode("user_not_found");
					assertThatApiError(entity).hasCode("user_not_found");
				}
			}
			""";

	private static final String WEB_TEST_CLIENT_TEST = """
			import org.springframework.test.web.reactive.server.WebTestClient;
			import org.springframework.test.web.reactive.server.assertj.WebTestClientResponse;
			import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
			class WebTestClientTest {
				void test(WebTestClient client) {
					assertThatApiError(client.get().uri("/api/users/7").exchange()).hasStatus(404).isUniform();
					assertThatApiError(WebTestClientResponse.from(client.get().uri("/api/users/7").exchange()))
						.isUniform();
				}
			}
			""";

	private static final String PLAIN_TEST = """
			import java.nio.charset.StandardCharsets;
			import dev.apierrors.test.ResponseSnapshot;
			import org.springframework.http.HttpHeaders;
			import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
			public class PlainTest implements Runnable {
				public void run() {
					HttpHeaders headers = new HttpHeaders();
					headers.add("Content-Type", "application/json");
					headers.add("X-Request-Id", "r");
					headers.add("Cache-Control", "no-store");
					headers.add("X-Content-Type-Options", "nosniff");
					byte[] body = "{\\"error\\":\\"not_found\\",\\"message\\":\\"No.\\",\\"request_id\\":\\"r\\"}"
						.getBytes(StandardCharsets.UTF_8);
					assertThatApiError(ResponseSnapshot.of(404, headers, body)).hasStatus(404).isUniform();
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void classpathOfTheseTestsHoldsBothStacks() {
		assertThat(classpath()).anyMatch((entry) -> entry.contains("spring-webflux"))
			.anyMatch((entry) -> entry.contains("jakarta.servlet-api"))
			.anyMatch((entry) -> entry.contains("spring-test"));
	}

	@Test
	void mockMvcTestsCompileWithoutTheReactiveStack() throws IOException {
		assertThat(compile("MockMvcTest", MOCK_MVC_TEST, classpathWithout(REACTIVE_STACK))).isEmpty();
	}

	@Test
	void webTestClientTestsCompileWithoutTheServletStack() throws IOException {
		assertThat(compile("WebTestClientTest", WEB_TEST_CLIENT_TEST, classpathWithout(SERVLET_STACK))).isEmpty();
	}

	@Test
	void assertionsRunWithNeitherStack() throws Exception {
		List<String> stacks = new ArrayList<>(REACTIVE_STACK);
		stacks.addAll(SERVLET_STACK);
		List<String> classpath = classpathWithout(stacks);
		assertThat(compile("PlainTest", PLAIN_TEST, classpath)).isEmpty();
		List<URL> urls = new ArrayList<>();
		urls.add(this.temp.resolve("classes").toUri().toURL());
		for (String entry : classpath) {
			urls.add(new File(entry).toURI().toURL());
		}
		ClassLoader platform = ClassLoader.getPlatformClassLoader();
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), platform)) {
			Runnable test = (Runnable) loader.loadClass("PlainTest").getConstructor().newInstance();
			test.run();
			assertThat(loader.loadClass("dev.apierrors.test.ApiErrorAssertions").getClassLoader()).isSameAs(loader);
		}
	}

	/**
	 * Compile one source file and return javac's messages, empty when it compiled without a warning.
	 */
	private String compile(String name, String source, List<String> classpath) throws IOException {
		Path sources = Files.createDirectories(this.temp.resolve("sources"));
		Path classes = Files.createDirectories(this.temp.resolve("classes"));
		Path file = Files.writeString(sources.resolve(name + ".java"), source);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		StringWriter messages = new StringWriter();
		List<String> options = List.of("-Xlint:all", "-proc:none", "--release", "17", "-classpath",
				String.join(File.pathSeparator, classpath), "-d", classes.toString());
		boolean compiled = javac
			.getTask(messages, null, null, options, null,
					javac.getStandardFileManager(null, null, null).getJavaFileObjects(file))
			.call();
		return compiled ? messages.toString() : "failed: " + messages;
	}

	private static List<String> classpathWithout(List<String> excluded) {
		return classpath().stream()
			.filter((entry) -> excluded.stream().noneMatch((name) -> new File(entry).getName().contains(name)))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.toList();
	}

	private static List<String> classpath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classpath.split(File.pathSeparator)).filter((entry) -> !entry.isBlank()).toList();
	}


}
