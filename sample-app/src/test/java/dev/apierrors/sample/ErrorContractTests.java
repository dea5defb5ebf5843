package dev.apierrors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's errors checked with the api-errors test kit, over real HTTP and in the {@code @WebMvcTest} slice.
 * Every error carries the {@code docs} member that {@link ErrorExtensions} adds.
 */
class ErrorContractTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class OverHttp {

		private final HttpClient client = HttpClient.newHttpClient();

		@LocalServerPort
		int port;

		@Test
		void unknownUserIsATyped404() throws Exception {
			HttpResponse<String> response = get("/api/users/99");
			assertThatApiError(response).hasStatus(404)
				.hasCode("user_not_found")
				.hasMessage("No user has id 99.")
				.hasRequestIdHeaderMatchingBody()
				.hasMember("docs", ErrorExtensions.DOCS + "user_not_found")
				.allowingMembers("docs")
				.isUniform();
		}

		@Test
		void incomingRequestIdIsHonoured() throws Exception {
			HttpResponse<String> response = get("/api/users/99", "X-Request-Id", "my-call-42");
			assertThatApiError(response).hasRequestId("my-call-42");
		}

		@Test
		void invalidNewUserNamesEveryField() throws Exception {
			HttpRequest post = HttpRequest.newBuilder(uri("/api/users"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"email\":\"nope\",\"age\":12}"))
				.build();
			HttpResponse<String> response = this.client.send(post, HttpResponse.BodyHandlers.ofString());
			assertThatApiError(response).hasStatus(422)
				.hasCode("validation_failed")
				.hasFieldError("email", "must be a well-formed email address")
				.allowingMembers("docs")
				.isUniform();
			assertThat(assertThatApiError(response).body().fields()).containsOnlyKeys("name", "email", "age");
		}

		@Test
		void anonymousCallerIsChallenged() throws Exception {
			HttpResponse<String> response = get("/api/orders/1");
			assertThatApiError(response).hasStatus(401)
				.hasCode("authentication_required")
				.hasChallenge("Bearer")
				.hasChallengeParameter("realm", "sample")
				.allowingMembers("docs")
				.isUniform();
		}

		@Test
		void expiredTokenNamesTheRfc6750Error() throws Exception {
			HttpResponse<String> response = get("/api/demo/expired-token");
			assertThatApiError(response).hasStatus(401)
				.hasCode("invalid_token")
				.hasChallengeParameter("error", "invalid_token")
				.allowingMembers("docs")
				.isUniform();
		}

		@Test
		void rateLimitedCallSaysWhenToRetry() throws Exception {
			HttpResponse<String> response = get("/api/demo/rate-limited");
			assertThatApiError(response).hasStatus(429)
				.hasRetryAfter(Duration.ofSeconds(42))
				.allowingMembers("docs")
				.isUniform();
		}

		@Test
		void crashRevealsNothing() throws Exception {
			HttpResponse<String> response = get("/api/demo/crash");
			assertThatApiError(response).hasStatus(500).hasCode("internal_error").allowingMembers("docs").isUniform();
			assertThat(response.body()).doesNotContain("jdbc", "db.internal");
		}

		private HttpResponse<String> get(String path, String... headers) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

	}

	@Nested
	@WebMvcTest(UserController.class)
	@Import(ErrorExtensions.class)
	class InTheWebMvcSlice {

		@Autowired
		MockMvcTester mvc;

		@Test
		void unknownUserIsATyped404() {
			assertThatApiError(this.mvc.get().uri("/api/users/99")).hasStatus(404)
				.hasCode("user_not_found")
				.hasMessageContaining("99")
				.hasRequestIdHeaderMatchingBody()
				.allowingMembers("docs")
				.isUniform();
		}

		@Test
		void invalidNewUserNamesEveryField() {
			assertThatApiError(this.mvc.post()
				.uri("/api/users")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Carol\",\"email\":\"nope\",\"age\":40}")).hasStatus(422)
				.hasCode("validation_failed")
				.hasOnlyFieldErrors(Map.of("email", "must be a well-formed email address"))
				.allowingMembers("docs")
				.isUniform();
		}

	}

}
