package dev.apierrors.it.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error catalog over real HTTP: the {@code errorcodes} actuator endpoint lists every way the application
 * declares codes, with the documentation links of {@code api.errors.type-base}; simple-format bodies carry
 * {@code doc_url} when asked; a code declared nowhere is logged once, and a declared code first seen at run time
 * joins the catalog.
 */
@SpringBootTest(classes = CatalogApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=errorcodes",
				"api.errors.type-base=https://docs.example.com/errors/", "api.errors.doc-url=true",
				"api.errors.mappings[0].exception=dev.apierrors.it.catalog.CatalogApplication$ShelfLockedException",
				"api.errors.mappings[0].status=423", "api.errors.mappings[0].code=shelf_locked" })
@ExtendWith(OutputCaptureExtension.class)
class ErrorCatalogIntegrationTests {

	@LocalServerPort
	int port;

	private Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void endpointListsEveryDeclaredCodeWithItsSourceAndLink() {
		Http.Response response = this.http.get("/actuator/errorcodes");
		assertThat(response.status()).isEqualTo(200);
		JsonNode codes = response.json().get("codes");
		JsonNode book = entry(codes, "book_not_found");
		assertThat(book.get("status").asInt()).isEqualTo(404);
		assertThat(book.get("message").asString()).isEqualTo("No such book.");
		assertThat(book.get("description").asString()).isEqualTo("No book has the id in the path.");
		assertThat(book.get("docs").asString()).isEqualTo("https://docs.example.com/errors/book_not_found");
		assertThat(book.get("source").asString()).isEqualTo("application");
		assertThat(entry(codes, "library_closed").get("status").asInt()).isEqualTo(503);
		assertThat(entry(codes, "book_withdrawn").get("source").asString()).isEqualTo("api-error");
		assertThat(entry(codes, "book_withdrawn").get("description").asString())
			.isEqualTo("The book was withdrawn for good.");
		assertThat(entry(codes, "shelf_locked").get("source").asString()).isEqualTo("configuration");
		assertThat(entry(codes, "shelf_locked").get("status").asInt()).isEqualTo(423);
		assertThat(entry(codes, "invalid_json").get("source").asString()).isEqualTo("built-in");
		assertThat(entry(codes, "idempotency_key_reused").get("status").asInt()).isEqualTo(422);
		assertThat(entry(codes, "invalid_csrf_token").get("status").asInt()).isEqualTo(403);
		assertThat(entry(codes, "payment_required").get("source").asString()).isEqualTo("status");
		assertThat(entry(codes, "internal_error").get("status").asInt()).isEqualTo(500);
		List<Integer> statuses = new ArrayList<>();
		codes.forEach((entry) -> statuses.add(entry.get("status").asInt()));
		assertThat(statuses).isSorted();
	}

	@Test
	void endpointAnswersOneCodeAnd404ForAnUnknownOne() {
		Http.Response known = this.http.get("/actuator/errorcodes/book_on_loan");
		assertThat(known.status()).isEqualTo(200);
		assertThat(known.json().get("status").asInt()).isEqualTo(409);
		assertThat(this.http.get("/actuator/errorcodes/no_such_code").status()).isEqualTo(404);
	}

	@Test
	void simpleFormatCarriesTheDocumentationLinkWhenAsked() {
		Http.Response response = this.http.get("/library/books/7");
		assertThat(response.status()).isEqualTo(404);
		JsonNode body = response.json();
		assertThat(body.get("error").asString()).isEqualTo("book_not_found");
		assertThat(body.get("doc_url").asString()).isEqualTo("https://docs.example.com/errors/book_not_found");
		assertThat(body.propertyNames()).containsExactly("error", "message", "request_id", "doc_url");
	}

	@Test
	void codeDeclaredNowhereIsLoggedOnceAndStillAnswered(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			Http.Response response = this.http.get("/library/undeclared");
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.json().get("error").asString()).isEqualTo("stock_exhausted");
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("'stock_exhausted'")))
			.singleElement()
			.asString()
			.contains(" WARN ", "not in the error catalog");
		assertThat(this.http.get("/actuator/errorcodes/stock_exhausted").status()).isEqualTo(404);
	}

	@Test
	void declaredCodeFirstSeenAtRunTimeJoinsTheCatalogWithItsEnum(CapturedOutput output) {
		assertThat(this.http.get("/actuator/errorcodes/partner_account_closed").status()).isEqualTo(404);
		assertThat(this.http.get("/library/partner").json().get("error").asString()).isEqualTo("partner_quota_used");
		Http.Response learnt = this.http.get("/actuator/errorcodes/partner_account_closed");
		assertThat(learnt.status()).isEqualTo(200);
		assertThat(learnt.json().get("source").asString()).isEqualTo("run-time");
		assertThat(output.getOut()).doesNotContain("'partner_quota_used'");
	}

	private static JsonNode entry(JsonNode codes, String code) {
		for (JsonNode entry : codes) {
			if (entry.get("code").asString().equals(code)) {
				return entry;
			}
		}
		return null;
	}

}
