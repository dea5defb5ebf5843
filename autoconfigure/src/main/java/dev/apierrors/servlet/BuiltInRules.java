package dev.apierrors.servlet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorDetails;
import dev.apierrors.servlet.ApiErrorResolver.Rule;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * The rules for exceptions raised by Spring MVC, bean validation, Jackson, Spring Security, Spring Data and the
 * HTTP clients, each registered only when its library is present. Client messages never repeat an exception's
 * own text, which names Java classes and echoes rejected values.
 */
final class BuiltInRules {

	/** The largest number of entries in {@code fields}; the message says when more were found. */
	static final int MAX_FIELDS = 100;

	private static final int MAX_FIELD_NAME = 200;

	private final ApiErrorResolver resolver;

	private final FieldNames fieldNames;

	private BuiltInRules(ApiErrorResolver resolver, FieldNames fieldNames) {
		this.resolver = resolver;
		this.fieldNames = fieldNames;
	}

	static Map<Class<?>, Rule> create(ApiErrorResolver resolver, FieldNames fieldNames) {
		return new BuiltInRules(resolver, fieldNames).rules();
	}

	private Map<Class<?>, Rule> rules() {
		Map<Class<?>, Rule> rules = new HashMap<>();
		rules.put(HttpMessageNotReadableException.class, this::notReadable);
		rules.put(BindException.class, (ex) -> bindingFailed(((BindException) ex).getBindingResult(), ex));
		rules.put(HandlerMethodValidationException.class,
				(ex) -> methodValidation((HandlerMethodValidationException) ex));
		rules.put(MissingServletRequestParameterException.class, (ex) -> {
			String name = ((MissingServletRequestParameterException) ex).getParameterName();
			return parameter(400, "missing_parameter", "Required query parameter '" + name + "' is missing.", ex,
					name);
		});
		rules.put(MissingServletRequestPartException.class, (ex) -> {
			String name = ((MissingServletRequestPartException) ex).getRequestPartName();
			return parameter(400, "missing_parameter", "Required request part '" + name + "' is missing.", ex, name);
		});
		rules.put(MissingRequestHeaderException.class, (ex) -> {
			String name = ((MissingRequestHeaderException) ex).getHeaderName();
			return parameter(400, "missing_header", "Required header '" + name + "' is missing.", ex, name);
		});
		rules.put(MethodArgumentTypeMismatchException.class, (ex) -> {
			MethodArgumentTypeMismatchException mismatch = (MethodArgumentTypeMismatchException) ex;
			String expected = TypeKinds.describe(mismatch.getRequiredType());
			return parameter(400, "invalid_parameter", "Parameter '" + mismatch.getName() + "' must be " + expected
					+ ".", ex, mismatch.getName(), expected);
		});
		rules.put(NoResourceFoundException.class, (ex) -> byStatus(404, ex));
		rules.put(NoHandlerFoundException.class, (ex) -> byStatus(404, ex));
		rules.put(HttpRequestMethodNotSupportedException.class, (ex) -> byStatus(405, ex));
		rules.put(HttpMediaTypeNotSupportedException.class, (ex) -> byStatus(415, ex));
		rules.put(HttpMediaTypeNotAcceptableException.class, (ex) -> byStatus(406, ex));
		rules.put(MaxUploadSizeExceededException.class, (ex) -> byStatus(413, ex));
		rules.put(AsyncRequestTimeoutException.class, (ex) -> byStatus(503, ex));
		rules.put(ResponseStatusException.class, this::responseStatus);
		rules.put(ErrorResponse.class, (ex) -> byStatus(((ErrorResponse) ex).getStatusCode().value(), ex));
		ClassLoader classLoader = BuiltInRules.class.getClassLoader();
		if (ClassUtils.isPresent("jakarta.validation.ConstraintViolationException", classLoader)) {
			rules.put(jakarta.validation.ConstraintViolationException.class, this::constraintViolations);
		}
		if (ClassUtils.isPresent("org.springframework.security.access.AccessDeniedException", classLoader)) {
			SecurityRules.register(rules, this.resolver);
		}
		if (ClassUtils.isPresent("org.springframework.dao.DataAccessException", classLoader)) {
			rules.put(org.springframework.dao.OptimisticLockingFailureException.class, (ex) -> fixed(409, "conflict",
					"The resource was changed by another request. Reload it and try again.", ex));
			rules.put(org.springframework.dao.DataIntegrityViolationException.class,
					(ex) -> fixed(409, "conflict", this.resolver.message(409), ex));
		}
		rules.put(org.springframework.web.client.RestClientResponseException.class,
				(ex) -> upstreamResponse(((org.springframework.web.client.RestClientResponseException) ex)
					.getStatusCode()
					.is5xxServerError(), ex));
		rules.put(org.springframework.web.client.ResourceAccessException.class,
				(ex) -> byStatus(isTimeout(ex) ? 504 : 502, ex));
		if (ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClientException", classLoader)) {
			WebClientRules.register(rules, this);
		}
		return rules;
	}

	ApiErrorDetails byStatus(int status, Throwable ex) {
		HttpHeaders headers = null;
		Object[] arguments = null;
		if (ex instanceof ErrorResponse response) {
			headers = response.getHeaders();
			arguments = response.getDetailMessageArguments();
		}
		return ApiErrorDetails.builder(status, this.resolver.code(status), this.resolver.message(status))
			.headers((headers != null && !headers.isEmpty()) ? headers : null)
			.messageArguments(arguments)
			.retryAfterSeconds(this.resolver.retryAfterSeconds(status))
			.exception(ex)
			.build();
	}

	private ApiErrorDetails fixed(int status, String code, String message, Throwable ex) {
		return ApiErrorDetails.builder(status, code, message)
			.retryAfterSeconds(this.resolver.retryAfterSeconds(status))
			.exception(ex)
			.build();
	}

	private ApiErrorDetails parameter(int status, String code, String message, Throwable ex, Object... arguments) {
		return ApiErrorDetails.builder(status, code, message).messageArguments(arguments).exception(ex).build();
	}

	/**
	 * Answer an upstream service's error response: 502 when it failed (5xx), otherwise an unexpected failure,
	 * since a 4xx from a service this application calls is this application's own mistake.
	 */
	ApiErrorDetails upstreamResponse(boolean upstreamFailed, Throwable ex) {
		if (upstreamFailed) {
			return byStatus(502, ex);
		}
		return ApiErrorDetails.builder(500, this.resolver.code(500), this.resolver.message(500))
			.exception(ex)
			.unexpected(true)
			.build();
	}

	private ApiErrorDetails responseStatus(Throwable ex) {
		ResponseStatusException rse = (ResponseStatusException) ex;
		int status = rse.getStatusCode().value();
		String reason = rse.getReason();
		HttpHeaders headers = rse.getHeaders();
		return ApiErrorDetails.builder(status, this.resolver.code(status),
				(reason != null && !reason.isBlank()) ? reason : this.resolver.message(status))
			.headers(headers.isEmpty() ? null : headers)
			.retryAfterSeconds(this.resolver.retryAfterSeconds(status))
			.exception(ex)
			.build();
	}

	private ApiErrorDetails notReadable(Throwable ex) {
		Throwable cause = ex.getCause();
		if (cause != null && JacksonReadErrors.PRESENT) {
			Map<String, String> fields = JacksonReadErrors.fields(cause);
			if (fields != null) {
				return ApiErrorDetails.builder(400, "invalid_field", "A field of the request body has a wrong value.")
					.fields(fields)
					.exception(ex)
					.build();
			}
		}
		String text = safeMessage(ex);
		String message = (cause == null && text != null && text.startsWith("Required request body is missing"))
				? "The request body is missing." : "The request body is not valid JSON.";
		return fixed(400, "invalid_json", message, ex);
	}

	private ApiErrorDetails bindingFailed(BindingResult result, Throwable ex) {
		Object target = result.getTarget();
		Class<?> type = (target != null) ? target.getClass() : Object.class;
		Fields fields = new Fields();
		boolean typeMismatch = false;
		for (ObjectError error : result.getAllErrors()) {
			if (error instanceof FieldError fieldError) {
				String name = this.fieldNames.toJson(type, fieldError.getField());
				if (fieldError.isBindingFailure()) {
					typeMismatch = true;
					fields.add(name, "has an invalid value");
				}
				else {
					fields.add(name, message(fieldError));
				}
			}
			else {
				fields.add("$", message(error));
			}
		}
		if (typeMismatch && !(ex instanceof org.springframework.web.bind.MethodArgumentNotValidException)) {
			return fields.details(400, "invalid_parameter", "A parameter has an invalid value.", ex);
		}
		return fields.details(422, this.resolver.code(422), this.resolver.message(422), ex);
	}

	private ApiErrorDetails methodValidation(HandlerMethodValidationException ex) {
		Fields fields = new Fields();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			MethodParameter parameter = result.getMethodParameter();
			String base = parameterName(parameter);
			if (result.getContainerIndex() != null) {
				base = base + "[" + result.getContainerIndex() + "]";
			}
			else if (result.getContainerKey() != null) {
				base = base + "[" + result.getContainerKey() + "]";
			}
			if (result instanceof ParameterErrors errors) {
				Object target = errors.getArgument();
				Class<?> type = (target != null) ? target.getClass() : parameter.getParameterType();
				boolean body = parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class);
				for (FieldError fieldError : errors.getFieldErrors()) {
					String name = this.fieldNames.toJson(type, fieldError.getField());
					fields.add(body ? name : base + "." + name, message(fieldError));
				}
				for (ObjectError global : errors.getGlobalErrors()) {
					fields.add(body ? "$" : base, message(global));
				}
			}
			else {
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					fields.add(base, message(error));
				}
			}
		}
		return fields.details(422, this.resolver.code(422), this.resolver.message(422), ex);
	}

	private ApiErrorDetails constraintViolations(Throwable ex) {
		Fields fields = new Fields();
		for (jakarta.validation.ConstraintViolation<?> violation : ((jakarta.validation.ConstraintViolationException) ex)
			.getConstraintViolations()) {
			fields.add(ValidationPaths.of(violation), violation.getMessage());
		}
		return fields.details(422, this.resolver.code(422), this.resolver.message(422), ex);
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "arg" + parameter.getParameterIndex();
	}

	private static String message(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

	private static boolean isTimeout(Throwable ex) {
		Throwable cause = ex;
		for (int depth = 0; cause != null && depth < CauseChains.MAX_DEPTH; depth++) {
			if (cause instanceof java.net.SocketTimeoutException
					|| cause instanceof java.net.http.HttpTimeoutException) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

	/**
	 * Return the message of an exception, or {@code null} when it has none or computing it fails.
	 */
	static @Nullable String safeMessage(Throwable ex) {
		try {
			return ex.getMessage();
		}
		catch (Throwable failure) {
			return null;
		}
	}

	/**
	 * Return the exception that really happened when the container or a filter wrapped it.
	 */
	static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		for (int depth = 0; depth < 8 && current.getClass() == ServletException.class && current.getCause() != null;
				depth++) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * Collects field messages in order, keeps the first message per field and stops at {@link #MAX_FIELDS}.
	 */
	static final class Fields {

		private final Map<String, String> messages = new LinkedHashMap<>();

		private int dropped;

		void add(String name, String message) {
			String key = (name.length() > MAX_FIELD_NAME) ? name.substring(0, MAX_FIELD_NAME) + "..." : name;
			if (this.messages.containsKey(key)) {
				return;
			}
			if (this.messages.size() >= MAX_FIELDS) {
				this.dropped++;
				return;
			}
			this.messages.put(key, message);
		}

		boolean isEmpty() {
			return this.messages.isEmpty();
		}

		ApiErrorDetails details(int status, String code, String message, Throwable ex) {
			return ApiErrorDetails.builder(status, code, message(message)).fields(this.messages).exception(ex).build();
		}

		/**
		 * Return the given message, saying how many fields were left out when some were.
		 */
		String message(String message) {
			return (this.dropped == 0) ? message
					: message + " Only the first " + MAX_FIELDS + " of " + (MAX_FIELDS + this.dropped)
							+ " invalid fields are listed.";
		}

		Map<String, String> messages() {
			return this.messages;
		}

	}

}
