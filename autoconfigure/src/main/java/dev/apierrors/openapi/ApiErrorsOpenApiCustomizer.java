package dev.apierrors.openapi;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.resolve.ExceptionMapping;

import org.springframework.web.method.HandlerMethod;

/**
 * Documents the errors of every operation in springdoc-openapi's specification, in Spring MVC and WebFlux alike:
 * per operation the responses it can produce, each status with an example per code; and once, the body schema of
 * the configured wire format and the headers error responses carry. A response the application documents itself
 * (with {@code @ApiResponse}) for a status is kept as it is. Applies to every group of the specification.
 */
public final class ApiErrorsOpenApiCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

	private final OperationErrors errors;

	private final ErrorDocumentation documentation;

	/**
	 * Create the customizer.
	 * @param registry the error catalog
	 * @param statuses the default codes and messages of the statuses
	 * @param mappings the exception classes mapped in configuration
	 * @param encoder the body encoder the runtime uses, which encodes the examples
	 * @param format the wire format
	 * @param docUrl whether simple-format bodies carry {@code doc_url}
	 * @param requestIdHeader the name of the request id header
	 * @param tooManyRequestsSeconds the {@code Retry-After} of a 429, for its examples
	 * @param serviceUnavailableSeconds the {@code Retry-After} of a 503, for its examples
	 * @param security decides which operations answer 401 and 403
	 */
	public ApiErrorsOpenApiCustomizer(ErrorCodeRegistry registry, ErrorCatalog statuses,
			List<ExceptionMapping> mappings, ErrorBodyEncoder encoder, ApiErrorFormat format, boolean docUrl,
			String requestIdHeader, long tooManyRequestsSeconds, long serviceUnavailableSeconds,
			SecuredOperations security) {
		this.errors = new OperationErrors(registry, statuses, mappings, security);
		this.documentation = new ErrorDocumentation(encoder, statuses, format, docUrl, requestIdHeader,
				tooManyRequestsSeconds, serviceUnavailableSeconds);
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		OperationMappings mappings = OperationMappings.of(handlerMethod);
		SortedMap<Integer, Map<String, ErrorCodeEntry>> byStatus = this.errors.of(handlerMethod, mappings);
		ApiResponses responses = operation.getResponses();
		if (responses == null) {
			responses = new ApiResponses();
			operation.setResponses(responses);
		}
		String path = mappings.samplePath();
		for (Map.Entry<Integer, Map<String, ErrorCodeEntry>> status : byStatus.entrySet()) {
			String key = String.valueOf(status.getKey());
			if (!responses.containsKey(key)) {
				responses.addApiResponse(key, this.documentation.response(status.getKey(), status.getValue(), path));
			}
		}
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Components components = openApi.getComponents();
		if (components == null) {
			components = new Components();
			openApi.setComponents(components);
		}
		this.documentation.addComponents(components);
	}

}
