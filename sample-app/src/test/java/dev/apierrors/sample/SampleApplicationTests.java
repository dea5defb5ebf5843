package dev.apierrors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's documented curl examples, over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void unknownUserIsTyped404() throws Exception {
		HttpResponse<String> response = get("/api/users/99");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).get("error").asString()).isEqualTo("user_not_found");
		assertThat(json(response).get("request_id").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void staticFilesAndSwaggerUiAreServedAndAnUnknownRouteIsA404Body() throws Exception {
		HttpResponse<String> robots = get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(robots.body()).startsWith("User-agent: *");
		HttpResponse<String> swaggerUi = get("/swagger-ui/index.html");
		assertThat(swaggerUi.statusCode()).isEqualTo(200);
		assertThat(swaggerUi.body()).contains("swagger-ui");
		HttpResponse<String> unknown = get("/api/demo/no/such/route");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown).get("error").asString()).isEqualTo("not_found");
		assertThat(json(unknown).get("request_id").asString())
			.isEqualTo(unknown.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void incomingRequestIdIsHonouredAndAHostileOneReplaced() throws Exception {
		HttpResponse<String> honoured = get("/api/users/99", "X-Request-Id", "my-call-42");
		assertThat(honoured.headers().allValues("X-Request-Id")).containsExactly("my-call-42");
		assertThat(json(honoured).get("request_id").asString()).isEqualTo("my-call-42");
		HttpResponse<String> replaced = get("/api/users/99", "X-Request-Id", "<script>");
		String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[A-Za-z0-9_-]{22}");
		assertThat(json(replaced).get("request_id").asString()).isEqualTo(id);
		assertThat(replaced.body()).doesNotContain("<script>");
	}

	@Test
	void headOfARateLimitedCallHasRetryAfterAndNoBody() throws Exception {
		HttpRequest head = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/demo/rate-limited"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.client.send(head, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().allValues("Retry-After")).containsExactly("42");
		assertThat(response.headers().firstValue("RateLimit")).hasValue("\"searches\";r=0;t=42");
		assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"searches\";q=100;w=60");
		assertThat(response.body()).isEmpty();
	}

	@Test
	void anotherUsersOrderIsConcealedAs404() throws Exception {
		HttpResponse<String> response = get("/api/orders/2", "Authorization", "Bearer alice-token");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).get("error").asString()).isEqualTo("not_found");
		// The random request id is left out: it could contain "bob" by chance.
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(response.body().replace(requestId, "")).doesNotContain("bob");
	}

	@Test
	void anonymousCallerGets401WithChallenge() throws Exception {
		HttpResponse<String> response = get("/api/orders/1");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sample\"");
		assertThat(response.headers().firstValue("Set-Cookie")).as("no session for a token API").isEmpty();
	}

	@Test
	void userOnAdminRouteGets403() throws Exception {
		HttpResponse<String> response = get("/api/admin/orders", "Authorization", "Bearer alice-token");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json(response).get("error").asString()).isEqualTo("forbidden");
	}

	@Test
	void configuredMappingAnswersLibraryException() throws Exception {
		HttpResponse<String> response = get("/api/demo/missing-item");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).get("error").asString()).isEqualTo("item_missing");
		assertThat(json(response).get("message").asString()).isEqualTo("No such item.");
	}

	@Test
	void maintenanceUsesConfiguredRetryAfter() throws Exception {
		HttpResponse<String> response = get("/api/demo/maintenance");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("120");
	}

	@Test
	void customizerLinksEveryErrorToItsDocumentation() throws Exception {
		HttpResponse<String> response = get("/api/users/99");
		assertThat(json(response).get("docs").asString()).isEqualTo(ErrorExtensions.DOCS + "user_not_found");
		response = get("/api/orders/1");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).get("docs").asString()).isEqualTo(ErrorExtensions.DOCS + "authentication_required");
	}

	@Test
	void mapperAnswersAFullPoolWith503AndRetryAfter() throws Exception {
		HttpResponse<String> response = get("/api/demo/export");
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(json(response).get("message").asString())
			.isEqualTo("Too many exports are running. Try again shortly.");
		assertThat(response.body()).doesNotContain("pool exhausted");
	}

	@Test
	void messagesFollowAcceptLanguage() throws Exception {
		HttpResponse<String> french = get("/api/users/99", "Accept-Language", "fr");
		assertThat(json(french).get("message").asString()).isEqualTo("Cet utilisateur n'existe pas.");
		HttpResponse<String> english = get("/api/users/99");
		assertThat(json(english).get("message").asString()).isEqualTo("No user has id 99.");
	}

	@Test
	void crashRevealsNothing() throws Exception {
		HttpResponse<String> response = get("/api/demo/crash");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("jdbc", "db.internal");
	}

	@Test
	void invalidNewUserListsEveryFieldAsInTheReadme() throws Exception {
		HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/users"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"email\":\"nope\",\"age\":12}"))
			.build();
		HttpResponse<String> response = this.client.send(post, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(json(response).get("error").asString()).isEqualTo("validation_failed");
		assertThat(json(response).get("fields").propertyNames()).containsExactlyInAnyOrder("name", "email", "age");
	}

	@Test
	void rateLimitedCallCarriesRetryAfterAsInTheReadme() throws Exception {
		HttpResponse<String> response = get("/api/demo/rate-limited");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().allValues("Retry-After")).containsExactly("42");
		assertThat(json(response).get("retry_after").asLong()).isEqualTo(42);
	}

}
