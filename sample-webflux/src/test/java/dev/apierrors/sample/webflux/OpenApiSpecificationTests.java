package dev.apierrors.sample.webflux;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The specification the WebFlux sample serves is the checked-in
 * {@code src/test/resources/openapi/sample-webflux-api.json}, so that a change to the documented errors shows in
 * review. After a change that alters the specification, run
 * {@code ./mvnw -pl sample-webflux -am verify -Dsample.openapi.update=true} and commit the file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiSpecificationTests {

	static final Path CHECKED_IN = Path.of("src/test/resources/openapi/sample-webflux-api.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@LocalServerPort
	int port;

	@Test
	void servedSpecificationIsTheCheckedInOne() throws Exception {
		String served = served(this.port);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/sample-webflux-api.json"), served);
		if (Boolean.getBoolean("sample.openapi.update")) {
			Files.writeString(CHECKED_IN, served);
		}
		assertThat(served)
			.as("The served specification differs from %s (the served one is in target/sample-webflux-api.json); if the "
					+ "change is intended, run with -Dsample.openapi.update=true and commit the file", CHECKED_IN)
			.isEqualTo(Files.readString(CHECKED_IN));
	}

	@Test
	void swaggerUiIsServedWithoutCredentials() throws Exception {
		HttpResponse<String> response = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui.html")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
		assertThat(response.body()).contains("swagger-ui");
	}

	/**
	 * Return the specification the sample serves, pretty-printed with a final line break.
	 */
	static String served(int port) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode specification = JSON.readTree(response.body());
		return JSON.writeValueAsString(specification) + "\n";
	}

}
