package dev.apierrors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample calling its own API through an HTTP interface client: the request id travels with the call, and the
 * upstream's errors are answered as docs/calling-other-services.md says.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DirectoryTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void userIsFetchedFromTheUpstream() throws Exception {
		HttpResponse<String> response = get("/api/directory/users/1", "X-Request-Id", "directory-1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"name\":\"Alice\"");
	}

	@Test
	void upstreamCodeTheApplicationMapsIsAnsweredAsMapped() throws Exception {
		assertThatApiError(get("/api/directory/users/99")).hasStatus(404)
			.hasCode("user_not_found")
			.hasMessage("The directory has no user 99.")
			.allowingMembers("docs")
			.isUniform();
	}

	@Test
	void upstreamRateLimitIsServiceUnavailableWithTheUpstreamsDelay() throws Exception {
		HttpResponse<String> response = get("/api/directory/demo/rate-limited");
		assertThatApiError(response).hasStatus(503).hasCode("service_unavailable").allowingMembers("docs").isUniform();
		assertThat(response.headers().firstValue("Retry-After")).hasValue("42");
		assertThat(response.body()).doesNotContain("searches");
	}

	@Test
	void upstreamServerErrorIsBadGatewayAndTheLogFollowsTheCall(CapturedOutput output) throws Exception {
		HttpResponse<String> response = get("/api/directory/demo/crash", "X-Request-Id", "directory-crash-1");
		assertThatApiError(response).hasStatus(502).hasCode("bad_gateway").allowingMembers("docs").isUniform();
		assertThat(output).contains("GET /api/demo/crash -> 500 internal_error")
			.containsPattern("GET /api/directory/demo/crash -> 502 bad_gateway: [^\\n]*\\(upstream GET "
					+ "http://127\\.0\\.0\\.1:\\d+/api/demo/crash -> 500 internal_error [^\\n]*"
					+ "upstream_request_id=directory-crash-1\\) request_id=directory-crash-1");
	}

	@Test
	void callingTheUpstreamWronglyIsThisServicesOwnFailure() throws Exception {
		HttpResponse<String> response = get("/api/directory/orders/1");
		assertThatApiError(response).hasStatus(500).hasCode("internal_error").allowingMembers("docs").isUniform();
		assertThat(response.body()).doesNotContain("authentication_required");
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
