package dev.apierrors.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's jar as the {@code aot} profile builds it (processed ahead of time by Boot's {@code process-aot}),
 * started as its own process with {@code -Dspring.aot.enabled=true}: it runs on the generated context and answers
 * as on the JVM without AOT, and the native-image metadata that the processing wrote has the starter's hints for
 * the sample. Run by failsafe in the {@code aot} profile only.
 */
class AotJarIT {

	private static final Duration START_UP = Duration.ofSeconds(60);

	private static Process process;

	private static Path log;

	private static int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTheAotProcessedJar() throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).exists();
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		log = Files.createTempFile("sample-aot", ".log");
		List<String> command = new ArrayList<>(List.of(java(), "-Dspring.aot.enabled=true", "-jar", jar.toString(),
				"--server.port=" + port, "--server.address=127.0.0.1"));
		process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + START_UP.toNanos();
		while (!Files.readString(log).contains("Started SampleApplication")) {
			assertThat(process.isAlive()).as("the sample is running; its log:%n%s", Files.readString(log)).isTrue();
			assertThat(System.nanoTime()).as("the sample started within %s", START_UP).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (process != null) {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void runsOnTheContextGeneratedAheadOfTime() throws IOException {
		assertThat(Files.readString(log)).contains("Starting AOT-processed SampleApplication");
	}

	@Test
	void typedExceptionAnswersAsDocumented() throws Exception {
		assertThatApiError(get("/api/users/99")).hasStatus(404)
			.hasCode("user_not_found")
			.hasRequestIdHeaderMatchingBody()
			.allowingMembers("docs")
			.isUniform();
	}

	@Test
	void mappedLibraryExceptionAnswersWithItsMapping() throws Exception {
		assertThatApiError(get("/api/demo/missing-item")).hasStatus(404).hasCode("item_missing");
	}

	@Test
	void annotatedExceptionAnswersWithItsAnnotation() throws Exception {
		HttpRequest post = HttpRequest.newBuilder(uri("/api/users"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"A\",\"email\":\"alice@example.com\",\"age\":30}"))
			.build();
		assertThatApiError(this.client.send(post, HttpResponse.BodyHandlers.ofString())).hasStatus(409)
			.hasCode("duplicate_email");
	}

	@Test
	void invalidBodyNamesTheFieldsByTheirJsonNames() throws Exception {
		HttpRequest post = HttpRequest.newBuilder(uri("/api/users"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"email\":\"nope\",\"age\":12}"))
			.build();
		assertThatApiError(this.client.send(post, HttpResponse.BodyHandlers.ofString())).hasStatus(422)
			.hasCode("validation_failed")
			.hasFieldError("email", "must be a well-formed email address");
	}

	@Test
	void messagesAreLocalised() throws Exception {
		assertThatApiError(get("/api/users/99", "Accept-Language", "fr-CH")).hasStatus(404)
			.hasMessage("Cet utilisateur n'existe pas.");
	}

	@Test
	void securityAnswersWithTheChallenge() throws Exception {
		assertThatApiError(get("/api/orders/1")).hasStatus(401)
			.hasCode("authentication_required")
			.hasChallenge("Bearer")
			.hasChallengeParameter("realm", "sample");
		assertThatApiError(get("/api/admin/orders", "Authorization", "Bearer alice-token")).hasStatus(403)
			.hasCode("forbidden");
	}

	@Test
	void settingFixedAtBuildTimeCannotBeChangedAtStartUp() throws Exception {
		Path output = Files.createTempFile("sample-aot-disabled", ".log");
		Process disabled = new ProcessBuilder(java(), "-Dspring.aot.enabled=true", "-jar",
				System.getProperty("sample.jar"), "--server.port=0", "--api.errors.enabled=false")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			assertThat(disabled.waitFor(START_UP.toSeconds(), TimeUnit.SECONDS)).as("the sample stopped").isTrue();
		}
		finally {
			disabled.destroyForcibly();
		}
		assertThat(disabled.exitValue()).isNotZero();
		assertThat(Files.readString(output)).contains("api.errors.enabled is 'false', but the application was "
				+ "processed ahead of time with 'true'");
	}

	@Test
	void nativeImageMetadataHasTheStartersHintsForTheSample() throws IOException {
		String metadata = Files.readString(Path.of(System.getProperty("sample.aot-metadata")));
		assertThat(metadata).contains("\"java.util.NoSuchElementException\"",
				"\"dev.apierrors.sample.UserController$DuplicateEmailException\"", "messages_*.properties",
				"\"basicAuthEntryPoint\"", "\"jakarta.validation.ConstraintViolationException\"",
				"\"org.springframework.web.bind.annotation.ResponseStatus\"");
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
