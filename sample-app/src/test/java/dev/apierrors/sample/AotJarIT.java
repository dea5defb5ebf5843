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

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's jar as the {@code aot} profile builds it (processed ahead of time by Boot's {@code process-aot}),
 * started as its own process with {@code -Dspring.aot.enabled=true}: it runs on the generated context and answers
 * as on the JVM without AOT (the error catalog and the OpenAPI documentation included, with the codes listed at
 * build time instead of scanned), and the native-image metadata that the processing wrote has the starter's hints
 * for the sample. Run by failsafe in the {@code aot} profile only.
 */
class AotJarIT {

	private static final Duration START_UP = Duration.ofSeconds(60);

	/** Logs at debug how long the scan for error code types took, when there is one. */
	private static final String CATALOG_LOGGER = "dev.apierrors.autoconfigure.catalog";

	private static final String SCAN_LOGGED = "for error code types in";

	private static Process process;

	private static Path log;

	private static int port;

	private static int managementPort;

	private static Duration firstCatalogUse;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startTheAotProcessedJar() throws Exception {
		assertThat(Path.of(System.getProperty("sample.jar"))).exists();
		port = freePort();
		managementPort = freePort();
		log = Files.createTempFile("sample-aot", ".log");
		process = start(log, true, port, managementPort);
		// Before any test: the first use of the error catalog, which builds it.
		firstCatalogUse = timeFirstErrorCodes(managementPort);
	}

	private static Process start(Path log, boolean aot, int port, int managementPort) throws Exception {
		List<String> command = new ArrayList<>(List.of(java()));
		if (aot) {
			command.add("-Dspring.aot.enabled=true");
		}
		command.addAll(List.of("-jar", System.getProperty("sample.jar"), "--server.port=" + port,
				"--server.address=127.0.0.1", "--management.server.port=" + managementPort,
				"--management.server.address=127.0.0.1", "--logging.level." + CATALOG_LOGGER + "=debug"));
		Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + START_UP.toNanos();
		while (!Files.readString(log).contains("Started SampleApplication")) {
			assertThat(started.isAlive()).as("the sample is running; its log:%n%s", Files.readString(log)).isTrue();
			assertThat(System.nanoTime()).as("the sample started within %s", START_UP).isLessThan(deadline);
			Thread.sleep(200);
		}
		return started;
	}

	private static Duration timeFirstErrorCodes(int managementPort) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
				+ "/actuator/errorcodes")).timeout(Duration.ofSeconds(10)).build();
		long start = System.nanoTime();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(200);
		return elapsed;
	}

	private static String catalogLines(Path log) throws IOException {
		return String.join(" / ", Files.readString(log)
			.lines()
			.filter((line) -> line.contains("error code types"))
			.map((line) -> line.substring(line.indexOf(" : ") + 3))
			.toList());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
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
	void errorCatalogHasTheApplicationsCodesListedAtBuildTime() throws Exception {
		HttpResponse<String> response = get(managementPort, "/actuator/errorcodes");
		assertThat(response.statusCode()).isEqualTo(200);
		String codes = response.body();
		assertThat(sourceOf(codes, "user_not_found")).isEqualTo("application");
		assertThat(sourceOf(codes, "order_already_paid")).isEqualTo("application");
		assertThat(sourceOf(codes, "duplicate_email")).isEqualTo("api-error");
		assertThat(sourceOf(codes, "item_missing")).isEqualTo("configuration");
	}

	@Test
	void errorCatalogIsBuiltWithoutScanningTheClasspath() throws Exception {
		assertThat(get(managementPort, "/actuator/errorcodes").statusCode()).isEqualTo(200);
		assertThat(get("/api/users/99").statusCode()).isEqualTo(404);
		assertThat(Files.readString(log)).contains("error code types (listed ahead of time)")
			.doesNotContain(SCAN_LOGGED)
			.doesNotContain("is not in the error catalog");
	}

	@Test
	void openApiDocumentationIsTheOneOfThePlainJvm() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		String served = json.writeValueAsString(json.readTree(response.body())) + "\n";
		assertThat(served).contains("\"order_already_paid\"",
				"The order was paid before; paying it again is refused.");
		assertThat(served).isEqualTo(Files.readString(OpenApiSpecificationTests.CHECKED_IN));
	}

	/**
	 * Not an assertion: prints how long the first use of the error catalog (the first {@code /actuator/errorcodes}
	 * request of a fresh process) takes on the generated context, which reads the list, and on the same jar
	 * started without AOT, which scans the sample's package first.
	 */
	@Test
	void firstUseOfTheCatalogWithAndWithoutTheList() throws Exception {
		Path plainLog = Files.createTempFile("sample-jvm", ".log");
		int plainManagementPort = freePort();
		Process plain = start(plainLog, false, freePort(), plainManagementPort);
		try {
			Duration plainFirstUse = timeFirstErrorCodes(plainManagementPort);
			assertThat(Files.readString(plainLog)).doesNotContain("Starting AOT-processed");
			System.out.printf("First /actuator/errorcodes: %d ms on the AOT context, %d ms on the plain JVM%n"
					+ "AOT context: %s%nPlain JVM: %s%n", firstCatalogUse.toMillis(), plainFirstUse.toMillis(),
					catalogLines(log), catalogLines(plainLog));
		}
		finally {
			plain.destroy();
			if (!plain.waitFor(20, TimeUnit.SECONDS)) {
				plain.destroyForcibly();
			}
		}
	}

	@Test
	void settingFixedAtBuildTimeCannotBeChangedAtStartUp() throws Exception {
		Path output = Files.createTempFile("sample-aot-disabled", ".log");
		Process disabled = new ProcessBuilder(java(), "-Dspring.aot.enabled=true", "-jar",
				System.getProperty("sample.jar"), "--server.port=0", "--management.server.port=0", "--api.errors.enabled=false")
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

	@Test
	void nativeImageMetadataHasWhatTheErrorCatalogReads() throws IOException {
		String metadata = Files.readString(Path.of(System.getProperty("sample.aot-metadata")));
		List<String> shopErrorMethods = JsonPath.read(metadata,
				"$.reflection[?(@.type == 'dev.apierrors.sample.ShopError')].methods[*].name");
		assertThat(shopErrorMethods).contains("values");
		List<Object> duplicateEmail = JsonPath.read(metadata,
				"$.reflection[?(@.type == 'dev.apierrors.sample.UserController$DuplicateEmailException')]");
		assertThat(duplicateEmail).isNotEmpty();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sourceOf(String codes, String code) {
		List<String> sources = JsonPath.read(codes, "$.codes[?(@.code == '" + code + "')].source");
		assertThat(sources).as("the catalog has %s", code).hasSize(1);
		return sources.get(0);
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
