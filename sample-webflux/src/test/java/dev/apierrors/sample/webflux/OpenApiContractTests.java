package dev.apierrors.sample.webflux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published error contract holds on WebFlux over real HTTP, as in the Spring MVC sample: every error response
 * of the sample's tests, from annotated controllers and functional routes, is documented for its operation
 * (status and code), and its body validates against the documented schema (with networknt's JSON Schema
 * validator, in the OpenAPI 3.1 dialect); every code the specification documents is in the error catalog the
 * {@code errorcodes} actuator endpoint publishes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class OpenApiContractTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where the validator finds the specification's schemas. */
	private static final String SPECIFICATION = "https://localhost/v3/api-docs";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private JsonNode specification;

	private Schema errorSchema;

	@BeforeAll
	void readTheSpecification() throws Exception {
		String document = send("GET", "/v3/api-docs", null).body();
		this.specification = JSON.readTree(document);
		assertThat(this.specification.get("openapi").asString()).startsWith("3.1");
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
				(builder) -> builder.schemas(Map.of(SPECIFICATION, document)));
		this.errorSchema = registry.getSchema(SchemaLocation.of(SPECIFICATION + "#/components/schemas/ApiError"));
		// The validator is live: a body that breaks the documented schema is refused.
		assertThat(this.errorSchema.validate(JSON.readTree("{\"error\":\"Not A Code\",\"retry_after\":0}")))
			.isNotEmpty();
	}

	/** The requests of the sample's tests that end in an error. */
	private List<Call> calls() {
		return List.of(new Call("GET", "/api/users/99", null),
				new Call("GET", "/api/users/abc", null),
				new Call("GET", "/api/users?limit=0", null),
				new Call("POST", "/api/users", "{\"name\":\"\",\"email\":\"nope\",\"age\":12}", "Content-Type",
						"application/json"),
				new Call("POST", "/api/users", "{\"name\":\"Al\",\"email\":\"alice@example.com\",\"age\":40}",
						"Content-Type", "application/json"),
				new Call("POST", "/api/users", "{\"name\":", "Content-Type", "application/json"),
				new Call("POST", "/api/users", "{\"name\":\"Al\",\"email\":\"a@example.com\",\"age\":\"old\"}",
						"Content-Type", "application/json"),
				new Call("POST", "/api/users", "name=Al", "Content-Type", "text/plain"),
				new Call("GET", "/api/orders/1", null),
				new Call("GET", "/api/orders/2", null, "Authorization", "Bearer alice-token"),
				new Call("GET", "/api/orders/77", null, "Authorization", "Bearer alice-token"),
				new Call("POST", "/api/orders/2/payment", null, "Authorization", "Bearer bob-token"),
				new Call("POST", "/api/orders/1/payment", null),
				new Call("GET", "/api/admin/orders", null, "Authorization", "Bearer alice-token"),
				new Call("GET", "/api/admin/orders", null),
				new Call("GET", "/api/reports/revenue", null, "Authorization", "Bearer alice-token"),
				new Call("GET", "/api/reports/revenue", null),
				new Call("GET", "/api/demo/rate-limited", null),
				new Call("GET", "/api/demo/maintenance", null),
				new Call("GET", "/api/demo/upstream", null),
				new Call("GET", "/api/demo/gone", null),
				new Call("GET", "/api/demo/expired-token", null),
				new Call("GET", "/api/demo/crash", null),
				new Call("GET", "/api/demo/missing-item", null),
				new Call("GET", "/api/demo/export", null),
				new Call("GET", "/api/demo/status", null),
				new Call("GET", "/api/catalog/X-9", null));
	}

	@Test
	void everyObservedErrorIsDocumentedForItsOperationAndMatchesTheSchema() throws Exception {
		List<String> problems = new ArrayList<>();
		Set<String> observed = new LinkedHashSet<>();
		for (Call call : calls()) {
			HttpResponse<String> response = send(call.method(), call.path(), call.body(), call.headers());
			int status = response.statusCode();
			assertThat(status).as("%s %s", call.method(), call.path()).isBetween(400, 599);
			JsonNode body = JSON.readTree(response.body());
			String code = body.get("error").asString();
			observed.add(code);
			String what = call.method() + " " + call.path() + " -> " + status + " " + code;
			JsonNode operation = operation(call.method(), call.path());
			if (operation == null) {
				problems.add(what + ": no documented operation");
				continue;
			}
			JsonNode documented = operation.path("responses").path(String.valueOf(status));
			if (documented.isMissingNode()) {
				problems.add(what + ": status not documented");
				continue;
			}
			if (!documented.path("content").path("application/json").path("examples").has(code)) {
				problems.add(what + ": code not documented");
			}
			if (status == 429 || status == 503) {
				assertThat(documented.path("headers").has("Retry-After")).as(what).isTrue();
			}
			for (Error error : this.errorSchema.validate(body)) {
				problems.add(what + ": " + error.getMessage());
			}
		}
		assertThat(problems).isEmpty();
		assertThat(observed).contains("user_not_found", "validation_failed", "invalid_json", "invalid_field",
				"authentication_required", "forbidden", "rate_limit_exceeded", "internal_error", "duplicate_email",
				"order_already_paid", "item_missing", "product_not_found", "invalid_token", "payment_required");
	}

	@Test
	void everyDocumentedCodeIsInTheCatalog() throws Exception {
		HttpResponse<String> catalog = this.client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/errorcodes"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(catalog.statusCode()).isEqualTo(200);
		Set<String> known = new LinkedHashSet<>();
		JSON.readTree(catalog.body()).get("codes").forEach((entry) -> known.add(entry.get("code").asString()));
		Set<String> documented = new LinkedHashSet<>();
		for (JsonNode path : this.specification.get("paths")) {
			for (JsonNode operation : path) {
				for (JsonNode response : operation.path("responses")) {
					response.path("content").path("application/json").path("examples").forEachEntry((name,
							example) -> documented.add(example.path("value").path("error").asString()));
				}
			}
		}
		assertThat(documented).contains("user_not_found", "order_already_paid", "product_not_found", "duplicate_email",
				"item_missing", "authentication_required", "forbidden", "unsupported_media_type", "internal_error");
		assertThat(known).containsAll(documented);
	}

	private JsonNode operation(String method, String requestPath) {
		String path = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
		for (Map.Entry<String, JsonNode> documented : this.specification.get("paths").properties()) {
			String pattern = Pattern.quote(documented.getKey()).replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q");
			if (Pattern.matches(pattern, path)) {
				JsonNode operation = documented.getValue().get(method.toLowerCase(java.util.Locale.ROOT));
				if (operation != null) {
					return operation;
				}
			}
		}
		return null;
	}

	private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private record Call(String method, String path, String body, String... headers) {
	}

}
