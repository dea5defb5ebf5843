package dev.apierrors.servlet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorDetails;
import dev.apierrors.ApiException;
import dev.apierrors.ApiExceptionMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;

/**
 * Resolves an exception, or a bare status from {@code sendError}, to the {@link ApiErrorDetails} that answer it.
 *
 * <p>Precedence: an {@link ApiException} answers for itself; then {@link ApiExceptionMapper} beans in order; then
 * the nearest class in the exception's hierarchy that is mapped in configuration, annotated with
 * {@link ApiError}, or known to the built-in rules (configuration first at the same class); anything else is an
 * unexpected failure answered with a constant 500. The rule found for a class is cached, so the hierarchy is
 * walked once per exception class.
 */
public class ApiErrorResolver {

	private final StatusCatalog statuses;

	private final Map<Class<?>, ExceptionMapping> mappings;

	private final List<ApiExceptionMapper> mappers;

	private final RetryAfterPolicy retryAfter;

	private final Map<Class<?>, Rule> builtIns;

	private final Map<Class<?>, Rule> rules = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param messages client messages by status that replace the built-in defaults
	 * @param mappings exception classes mapped in configuration
	 * @param mappers mappers declared by the application, in order
	 * @param retryAfter how {@code Retry-After} is computed
	 * @param fieldNames translates Java property paths of validated objects to their JSON names
	 */
	public ApiErrorResolver(Map<Integer, String> messages, List<ExceptionMapping> mappings,
			List<ApiExceptionMapper> mappers, RetryAfterPolicy retryAfter, FieldNames fieldNames) {
		this.statuses = new StatusCatalog(messages);
		Map<Class<?>, ExceptionMapping> byClass = new HashMap<>();
		for (ExceptionMapping mapping : mappings) {
			byClass.put(mapping.exception(), mapping);
		}
		this.mappings = Map.copyOf(byClass);
		this.mappers = List.copyOf(mappers);
		this.retryAfter = retryAfter;
		this.builtIns = BuiltInRules.create(this, fieldNames);
	}

	/**
	 * Resolve the given exception.
	 * @param exception the exception to answer
	 * @return the details of the response
	 */
	public ApiErrorDetails resolve(Throwable exception) {
		Throwable ex = BuiltInRules.unwrap(exception);
		if (ex instanceof ApiException api) {
			return fromApiException(api, ex);
		}
		for (ApiExceptionMapper mapper : this.mappers) {
			ApiException mapped = mapper.map(ex);
			if (mapped != null) {
				return fromApiException(mapped, ex);
			}
		}
		return this.rules.computeIfAbsent(ex.getClass(), this::findRule).apply(ex);
	}

	/**
	 * Resolve a bare status, as set by {@code sendError} or found on the error dispatch.
	 * @param status the HTTP status
	 * @return the details of the response
	 */
	public ApiErrorDetails resolve(int status) {
		int effective = StatusCatalog.isError(status) ? status : 500;
		return ApiErrorDetails.builder(effective, this.statuses.code(effective), this.statuses.message(effective))
			.retryAfterSeconds(this.retryAfter.seconds(effective, null))
			.build();
	}

	/**
	 * Resolve the error of a failed dispatch, which has a status and may have an exception: the exception's
	 * details are used when they agree with the status (or the status is the container's 500 for an uncaught
	 * exception), otherwise the status alone decides.
	 * @param status the status the dispatch ended with
	 * @param exception the exception, or {@code null}
	 * @return the details of the response
	 */
	public ApiErrorDetails resolve(int status, @Nullable Throwable exception) {
		if (exception != null) {
			ApiErrorDetails details = resolve(exception);
			if (status == 500 || details.getStatus() == status) {
				return details;
			}
		}
		return resolve(status);
	}

	private final Rule unexpected = (ex) -> ApiErrorDetails.builder(500, code(500), message(500))
		.exception(ex)
		.unexpected(true)
		.build();

	private Rule findRule(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			ExceptionMapping mapping = this.mappings.get(c);
			if (mapping != null) {
				return mappedRule(mapping);
			}
			ApiError annotation = c.getDeclaredAnnotation(ApiError.class);
			if (annotation != null) {
				return annotatedRule(annotation);
			}
			Rule builtIn = this.builtIns.get(c);
			if (builtIn != null) {
				return builtIn;
			}
		}
		if (ErrorResponse.class.isAssignableFrom(type)) {
			return this.builtIns.get(ErrorResponse.class);
		}
		return this.unexpected;
	}

	private Rule mappedRule(ExceptionMapping mapping) {
		int status = mapping.status();
		String message = (mapping.message() != null) ? mapping.message() : message(status);
		String code = (mapping.code() != null) ? mapping.code() : code(status);
		long retry = this.retryAfter.seconds(status, null);
		return (ex) -> ApiErrorDetails.builder(status, code, message)
			.retryAfterSeconds(retry)
			.exception(ex)
			.build();
	}

	private Rule annotatedRule(ApiError annotation) {
		int status = annotation.status().value();
		String code = annotation.code().isEmpty() ? code(status) : annotation.code();
		long retry = this.retryAfter.seconds(status, null);
		return (ex) -> {
			String message = BuiltInRules.safeMessage(ex);
			return ApiErrorDetails.builder(status, code, (message != null) ? message : message(status))
				.retryAfterSeconds(retry)
				.exception(ex)
				.build();
		};
	}

	private ApiErrorDetails fromApiException(ApiException api, Throwable original) {
		int status = api.getStatusCode().value();
		if (api.isConcealedAsNotFound()) {
			return ApiErrorDetails.builder(404, code(404), message(404))
				.exception(original)
				.logDetail("concealed as 404: " + status + " " + api.getCode() + ": " + BuiltInRules.safeMessage(api))
				.build();
		}
		String message = BuiltInRules.safeMessage(api);
		String text = (message != null) ? message : message(status);
		Map<String, String> fields = api.getFields();
		if (fields.size() > BuiltInRules.MAX_FIELDS) {
			BuiltInRules.Fields capped = new BuiltInRules.Fields();
			fields.forEach(capped::add);
			fields = capped.messages();
			text = capped.message(text);
		}
		HttpHeaders headers = api.getHeaders();
		return ApiErrorDetails.builder(status, api.getCode(), text)
			.fields(fields)
			.retryAfterSeconds(this.retryAfter.seconds(status, api.getRetryAfter()))
			.headers(headers.isEmpty() ? null : headers)
			.exception(original)
			.build();
	}

	String code(int status) {
		return this.statuses.code(status);
	}

	String message(int status) {
		return this.statuses.message(status);
	}

	long retryAfterSeconds(int status) {
		return this.retryAfter.seconds(status, null);
	}

	/**
	 * How one exception class is answered.
	 */
	@FunctionalInterface
	interface Rule {

		ApiErrorDetails apply(Throwable exception);

	}

}
