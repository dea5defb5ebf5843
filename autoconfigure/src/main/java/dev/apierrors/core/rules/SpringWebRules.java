package dev.apierrors.core.rules;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.SafeText;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The rules for Spring Web's exceptions, common to Spring MVC and WebFlux: unreadable bodies, wrong-typed
 * parameters, multipart failures, {@code @ResponseStatus} exceptions and every {@link ErrorResponse}
 * (the framework's 404, 405, 406, 415, 503, and the application's {@code ResponseStatusException} and
 * {@code ErrorResponseException}), whose headers, such as {@code Allow}, travel with the error.
 *
 * <p>The reason of a {@code @ResponseStatus} or the detail of an {@code ErrorResponse} the application raised is
 * shown for a 4xx and only logged for a 5xx; the framework's own exceptions get the catalog's messages, since
 * their texts echo request values. An exception that carries a status that is no error is handed back to the
 * framework.
 */
public final class SpringWebRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 */
	public SpringWebRules(ErrorCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(HttpMessageNotReadableException.class, this::notReadable);
		rules.add(MethodArgumentTypeMismatchException.class, (ex) -> invalidParameter(ex.getName(), ex.getRequiredType()));
		rules.add(TypeMismatchException.class, (ex) -> invalidParameter(ex.getPropertyName(), ex.getRequiredType()));
		rules.add(ConversionNotSupportedException.class, (ex) -> this.catalog.error(500).unexpected());
		rules.add(MaxUploadSizeExceededException.class, (ex) -> fromErrorResponse(ex, false));
		rules.add(MultipartException.class,
				(ex) -> ResolvedError.builder(400, "invalid_multipart", "The multipart request could not be read."));
		rules.addForAnnotation(ResponseStatus.class, this::responseStatus);
		rules.addFallback(ErrorResponse.class, (ex) -> fromErrorResponse((ErrorResponse) ex, true));
	}

	@Override
	public List<ErrorCodeEntry> errorCodes() {
		return List.of(
				ErrorCodeEntry.builtIn("invalid_json", 400, "The request body is not valid JSON.",
						"The request body is missing or is not well-formed JSON."),
				ErrorCodeEntry.builtIn("invalid_field", 400, "A field of the request body has a wrong value.",
						"A JSON value of the request body has the wrong type; fields names each such field with the "
								+ "kind of value expected."),
				ErrorCodeEntry.builtIn("missing_parameter", 400, "Required query parameter 'q' is missing.",
						"A required query parameter, request part or matrix variable is missing."),
				ErrorCodeEntry.builtIn("missing_header", 400, "Required header 'X-Tenant' is missing.",
						"A required request header is missing."),
				ErrorCodeEntry.builtIn("missing_cookie", 400, "Required cookie 'session' is missing.",
						"A required cookie is missing."),
				ErrorCodeEntry.builtIn("invalid_parameter", 400, "Parameter 'id' must be an integer.",
						"A path or query parameter cannot be converted to the type the operation expects."),
				ErrorCodeEntry.builtIn("invalid_multipart", 400, "The multipart request could not be read.",
						"The multipart request body is malformed."));
	}

	private ResolvedError.Builder notReadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause != null && JacksonReadErrors.PRESENT) {
			Map<String, String> fields = JacksonReadErrors.fields(cause);
			if (fields != null) {
				return ResolvedError.builder(400, "invalid_field", "A field of the request body has a wrong value.")
					.fields(fields);
			}
		}
		String text = SafeText.messageOf(ex);
		boolean missing = cause == null && text != null && text.startsWith("Required request body is missing");
		return ResolvedError.builder(400, "invalid_json",
				missing ? "The request body is missing." : "The request body is not valid JSON.");
	}

	/**
	 * Answer a missing parameter, part, header or cookie, the same way on every web stack.
	 * @param kind what is missing: {@code query parameter}, {@code request part}, {@code matrix variable},
	 * {@code header} or {@code cookie}
	 * @param name its name
	 * @return the error, or {@code null} for another kind
	 */
	public static ResolvedError.@Nullable Builder missing(String kind, String name) {
		return switch (kind) {
			case "query parameter", "request part", "matrix variable" -> missing("missing_parameter", kind, name);
			case "header" -> missing("missing_header", kind, name);
			case "cookie" -> missing("missing_cookie", kind, name);
			default -> null;
		};
	}

	private static ResolvedError.Builder missing(String code, String kind, String name) {
		return ResolvedError.builder(400, code, "Required " + kind + " '" + name + "' is missing.")
			.messageArguments(name);
	}

	/**
	 * Answer a value that could not be converted to the type a handler expects.
	 * @param name the parameter or property name, or {@code null}
	 * @param requiredType the type expected, or {@code null}
	 * @return the error
	 */
	public static ResolvedError.Builder invalidParameter(@Nullable String name, @Nullable Class<?> requiredType) {
		String expected = TypeDescriptions.describe(requiredType);
		if (name == null) {
			return ResolvedError.builder(400, "invalid_parameter", "A parameter must be " + expected + ".")
				.messageArguments("", expected);
		}
		return ResolvedError.builder(400, "invalid_parameter", "Parameter '" + name + "' must be " + expected + ".")
			.messageArguments(name, expected);
	}

	private ResolvedError.Builder responseStatus(Throwable ex, ResponseStatus annotation) {
		int status = annotation.code().value();
		if (!ErrorCatalog.isError(status)) {
			return this.catalog.error(500).handedBack();
		}
		return withClientText(status, annotation.reason());
	}

	/**
	 * Answer an {@link ErrorResponse} with its status and headers.
	 * @param response the exception
	 * @param showDetail whether the detail of an application's 4xx is shown
	 * @return the error
	 */
	public ResolvedError.Builder fromErrorResponse(ErrorResponse response, boolean showDetail) {
		HttpStatusCode statusCode = response.getStatusCode();
		int status = statusCode.value();
		if (!ErrorCatalog.isError(status)) {
			return this.catalog.error(500).handedBack();
		}
		ResolvedError.Builder builder;
		if (showDetail && isApplications(response)) {
			ProblemDetail body = response.getBody();
			builder = withClientText(status, body.getDetail());
		}
		else {
			builder = this.catalog.error(status).messageArguments(response.getDetailMessageArguments());
		}
		return builder.headers(response.getHeaders());
	}

	/**
	 * Return whether the application raised the exception itself: a {@code ResponseStatusException} or
	 * {@code ErrorResponseException} (or a subclass outside Spring), rather than a framework exception whose
	 * detail echoes request values.
	 */
	private static boolean isApplications(ErrorResponse response) {
		Class<?> type = response.getClass();
		String name = type.getName();
		return !name.startsWith("org.springframework.")
				|| name.equals("org.springframework.web.server.ResponseStatusException")
				|| name.equals("org.springframework.web.ErrorResponseException");
	}

	/**
	 * Start an error whose client message is the application's text for a 4xx; a 5xx gets the default message
	 * and the text goes to the log only.
	 */
	private ResolvedError.Builder withClientText(int status, @Nullable String text) {
		ResolvedError.Builder builder = this.catalog.error(status);
		if (text == null || text.isBlank()) {
			return builder;
		}
		if (status >= 500) {
			return builder.logDetail("reason: " + text);
		}
		return ResolvedError.builder(status, this.catalog.code(status), text);
	}

}
