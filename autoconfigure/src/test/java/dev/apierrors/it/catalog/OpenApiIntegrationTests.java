package dev.apierrors.it.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI specification springdoc serves documents each operation's errors from what the runtime answers:
 * codes named by {@code @ApiErrorResponses}, the classes of {@code throws}, the body and parameters, the URL
 * rules and method security, the media types, {@code @Idempotent}; the application's own {@code @ApiResponse}
 * wins; every example is the body the encoder writes, and the response sends the documented code.
 */
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "api.errors.mappings[0].exception=dev.apierrors.it.catalog.CatalogApplication$ShelfLockedException",
				"api.errors.mappings[0].status=423", "api.errors.mappings[0].code=shelf_locked" })
class OpenApiIntegrationTests {

	@LocalServerPort
	int port;

	private Http http;

	private JsonNode specification;

	@BeforeEach
	void readSpecification() {
		this.http = new Http(this.port);
		Http.Response response = this.http.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		this.specification = response.json();
	}

	@Test
	void codesNamedByTheAnnotationAreDocumentedWithTheCatalogsStatusAndAnExampleBody() {
		JsonNode notFound = response("/library/books/{id}", "get", 404);
		JsonNode example = examples(notFound).get("book_not_found");
		assertThat(example.get("summary").asString()).isEqualTo("No book has the id in the path.");
		assertThat(example.get("value").get("error").asString()).isEqualTo("book_not_found");
		assertThat(example.get("value").get("message").asString()).isEqualTo("No such book.");
		assertThat(example.get("value").get("request_id").asString()).isNotBlank();
		assertThat(notFound.get("headers").has("X-Request-Id")).isTrue();
		assertThat(codes("/library/books/{id}", "get", 400)).containsExactly("invalid_parameter");
		assertThat(statuses("/library/books/{id}", "get")).containsExactly("200", "400", "404", "500");
		Http.Response real = this.http.get("/library/books/3");
		assertThat(real.json().get("error").asString()).isEqualTo("book_not_found");
	}

	@Test
	void classesOfTheThrowsClauseAndMappedClassesAreDocumented() {
		assertThat(codes("/library/books/{id}/withdrawn", "get", 410)).containsExactly("book_withdrawn");
		assertThat(codes("/library/books/{id}/withdrawn", "get", 402)).containsExactly("payment_required");
		assertThat(examples(response("/library/fine", "get", 402)).get("payment_required").get("value").get("message")
			.asString()).isEqualTo("Pay the fine first.");
		assertThat(codes("/library/shelf", "get", 423)).containsExactly("shelf_locked");
		assertThat(this.http.get("/library/shelf").json().get("error").asString()).isEqualTo("shelf_locked");
	}

	@Test
	void bodyValidationIdempotencyAndMediaTypesAreDocumented() {
		String loans = "/library/members/loans";
		assertThat(codes(loans, "post", 400)).containsExactly("invalid_json", "invalid_field",
				"idempotency_key_invalid");
		assertThat(codes(loans, "post", 422)).containsExactly("validation_failed", "idempotency_key_reused");
		assertThat(examples(response(loans, "post", 422)).get("validation_failed").get("value").has("fields"))
			.isTrue();
		assertThat(codes(loans, "post", 409)).containsExactly("book_on_loan", "idempotency_key_in_use");
		assertThat(statuses(loans, "post")).contains("401", "413", "415", "503").doesNotContain("403");
		assertThat(response(loans, "post", 415).get("headers").has("Accept")).isTrue();
		assertThat(statuses("/library/search", "get")).contains("406", "429");
	}

	@Test
	void retryAfterAndChallengeHeadersAreDocumentedWhereTheyAreSent() {
		JsonNode tooMany = response("/library/search", "get", 429);
		assertThat(tooMany.get("headers").has("Retry-After")).isTrue();
		assertThat(examples(tooMany).get("rate_limit_exceeded").get("value").get("retry_after").asInt())
			.isEqualTo(60);
		assertThat(response("/library/members/loans", "post", 401).get("headers").has("WWW-Authenticate")).isTrue();
		assertThat(this.specification.at("/components/headers/Retry-After").isMissingNode()).isFalse();
	}

	@Test
	void securityDecidesWhere401And403AreDocumented() {
		assertThat(statuses("/library/admin/report", "get")).contains("401", "403");
		assertThat(statuses("/library/audit", "get")).contains("401", "403");
		assertThat(statuses("/library/books/{id}", "get")).doesNotContain("401", "403");
		assertThat(this.http.get("/library/admin/report").status()).isEqualTo(401);
		assertThat(this.http.get("/library/admin/report", "Authorization", "Bearer user").status()).isEqualTo(403);
	}

	@Test
	void responseTheApplicationDocumentsItselfWins() {
		assertThat(response("/library/search", "get", 404).get("description").asString())
			.isEqualTo("Nothing matched: the application's own documentation.");
	}

	@Test
	void bodySchemaDescribesTheWireFormat() {
		JsonNode schema = this.specification.at("/components/schemas/ApiError");
		assertThat(schema.get("required").toString()).isEqualTo("[\"error\",\"message\",\"request_id\"]");
		assertThat(schema.get("properties").propertyNames()).containsExactly("error", "message", "request_id",
				"fields", "retry_after");
		assertThat(response("/library/books/{id}", "get", 404).at("/content/application~1json/schema/$ref")
			.asString()).isEqualTo("#/components/schemas/ApiError");
	}

	private JsonNode response(String path, String method, int status) {
		JsonNode response = this.specification.get("paths").get(path).get(method).get("responses")
			.get(String.valueOf(status));
		assertThat(response).as("%s %s %s", method, path, status).isNotNull();
		return response;
	}

	private static JsonNode examples(JsonNode response) {
		return response.get("content").get("application/json").get("examples");
	}

	private List<String> codes(String path, String method, int status) {
		return new ArrayList<>(examples(response(path, method, status)).propertyNames());
	}

	private List<String> statuses(String path, String method) {
		return new ArrayList<>(this.specification.get("paths").get(path).get(method).get("responses").propertyNames());
	}

}
