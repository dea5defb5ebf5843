package dev.apierrors.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.ApiErrorResponses;
import dev.apierrors.NotFoundException;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.catalog.ErrorCodeEntry.Source;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.rules.SpringWebRules;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customizer in the problem-details format, and for a path that is not a servlet's: the same decisions, the
 * {@code ApiProblem} schema and {@code application/problem+json} examples encoded as the runtime encodes them.
 */
class ApiErrorsOpenApiCustomizerTests {

	private final ErrorCatalog statuses = new ErrorCatalog(Map.of());

	private final ErrorCodeRegistry registry = new ErrorCodeRegistry(this.statuses, () -> {
		List<ErrorCodeEntry> entries = new ArrayList<>(new SpringWebRules(this.statuses).errorCodes());
		entries.add(new ErrorCodeEntry("book_not_found", 404, "No such book.", "No book has the id.",
				Source.APPLICATION));
		return entries;
	});

	private final ApiErrorsOpenApiCustomizer customizer = new ApiErrorsOpenApiCustomizer(this.registry,
			this.statuses, List.of(),
			new ErrorBodyEncoder(ApiErrorFormat.PROBLEM_DETAILS, "https://docs.example.com/errors/", false,
					this.statuses),
			ApiErrorFormat.PROBLEM_DETAILS, false, "X-Request-Id", 60, 30, SecuredOperations.none());

	@Test
	void problemDetailsExamplesAreTheEncodersBodies() throws Exception {
		Operation operation = new Operation().responses(new ApiResponses());
		this.customizer.customize(operation,
				new HandlerMethod(new Books(), Books.class.getDeclaredMethod("book", long.class)));
		ApiResponse notFound = operation.getResponses().get("404");
		MediaType mediaType = notFound.getContent().get("application/problem+json");
		assertThat(mediaType.getSchema().get$ref()).isEqualTo("#/components/schemas/ApiProblem");
		@SuppressWarnings("unchecked")
		Map<String, Object> body = (Map<String, Object>) mediaType.getExamples().get("book_not_found").getValue();
		assertThat(body).containsEntry("type", "https://docs.example.com/errors/book_not_found")
			.containsEntry("title", "Not Found")
			.containsEntry("status", 404)
			.containsEntry("detail", "No such book.")
			.containsEntry("instance", "/books/1")
			.containsEntry("error", "book_not_found")
			.containsKey("request_id");
		assertThat(operation.getResponses()).containsOnlyKeys("400", "404", "500");
		assertThat(operation.getResponses().get("400").getContent().get("application/problem+json").getExamples())
			.containsOnlyKeys("invalid_parameter");
	}

	@Test
	void problemDetailsSchemaIsAComponent() {
		OpenAPI openApi = new OpenAPI().components(new Components());
		this.customizer.customise(openApi);
		assertThat(openApi.getComponents().getSchemas().get("ApiProblem").getRequired()).containsExactlyInAnyOrder("type",
				"title", "status", "detail", "instance", "error", "request_id");
		assertThat(openApi.getComponents().getHeaders()).containsKeys("X-Request-Id", "Retry-After",
				"WWW-Authenticate", "Accept");
	}

	@RequestMapping("/books")
	static class Books {

		@GetMapping("/{id}")
		@ApiErrorResponses("book_not_found")
		String book(@PathVariable long id) throws NotFoundException {
			return "book";
		}

	}

}
