package dev.apierrors.core.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiError;
import dev.apierrors.ApiException;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.RateLimitedException;
import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.SafeText;
import dev.apierrors.core.catalog.ErrorCatalog;

import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * Resolves an exception, or a bare status from {@code sendError}, to the {@link ResolvedError} that answers it.
 *
 * <p>For each exception of the cause chain, outermost first: an {@link ApiException} answers for itself; then
 * {@link ApiExceptionMapper} beans in order; then the nearest class of the exception's hierarchy that is mapped in
 * configuration, annotated with {@link ApiError}, known to a library rule, or annotated with an annotation a rule
 * covers (Spring's {@code @ResponseStatus}); then a fallback rule for an interface it implements (Spring's
 * {@code ErrorResponse}). The first exception of the chain that something answers decides, so a typed exception
 * wrapped in a {@code CompletionException} or an {@code UndeclaredThrowableException} answers as itself, as Spring's
 * handler matching does; when nothing answers, the error is the generic 500. A mapper or rule that fails also
 * yields the generic 500. The rule of a class is found once and cached with the class.
 */
public final class ErrorResolver {

	private static final Logger logger = LoggerFactory.getLogger(ErrorResolver.class);

	private static final ErrorRule<Throwable> NO_RULE = (exception) -> {
		throw new IllegalStateException("No rule");
	};

	private final ErrorCatalog catalog;

	private final Map<Class<?>, ExceptionMapping> mappings;

	private final List<ApiExceptionMapper> mappers;

	private final ErrorRules rules;

	private final ClassValue<ErrorRule<Throwable>> rulesByClass = new ClassValue<>() {

		@Override
		protected ErrorRule<Throwable> computeValue(Class<?> type) {
			return findRule(type);
		}

	};

	/**
	 * Create a resolver.
	 * @param catalog the default codes and messages of the statuses
	 * @param mappings exception classes mapped in configuration
	 * @param mappers mappers declared by the application, in order
	 * @param contributors the rules of the libraries present, in order (later rules for the same class win)
	 */
	public ErrorResolver(ErrorCatalog catalog, List<ExceptionMapping> mappings, List<ApiExceptionMapper> mappers,
			List<ErrorRuleContributor> contributors) {
		this.catalog = catalog;
		Map<Class<?>, ExceptionMapping> byClass = new HashMap<>();
		for (ExceptionMapping mapping : mappings) {
			byClass.put(mapping.exception(), mapping);
		}
		this.mappings = Map.copyOf(byClass);
		this.mappers = List.copyOf(mappers);
		this.rules = new ErrorRules();
		for (ErrorRuleContributor contributor : contributors) {
			contributor.contribute(this.rules);
		}
	}

	/**
	 * Return the catalog of default codes and messages.
	 * @return the catalog
	 */
	public ErrorCatalog catalog() {
		return this.catalog;
	}

	/**
	 * Return the exception classes mapped in configuration.
	 * @return the mappings
	 */
	public List<ExceptionMapping> mappings() {
		return List.copyOf(this.mappings.values());
	}

	/**
	 * Resolve an exception.
	 * @param exception the exception to answer
	 * @return the error that answers it
	 */
	public ResolvedError resolve(Throwable exception) {
		return resolve(CauseChain.of(exception));
	}

	/**
	 * Resolve an exception whose cause chain was already walked.
	 * @param chain the exception and its causes
	 * @return the error that answers it
	 */
	public ResolvedError resolve(CauseChain chain) {
		Throwable outermost = chain.outermost();
		for (int i = 0; i < chain.size(); i++) {
			ResolvedError.Builder error = answer(chain.get(i), outermost);
			if (error != null) {
				return error.chain(chain).build();
			}
		}
		return this.catalog.error(500).exception(outermost).chain(chain).unexpected().build();
	}

	/**
	 * Resolve a bare status, as set by {@code sendError} or found on the error dispatch.
	 * @param status the HTTP status; a status that is no error is answered as 500
	 * @return the error
	 */
	public ResolvedError resolve(int status) {
		return this.catalog.error(status).build();
	}

	/**
	 * Resolve the error of a failed dispatch, which has a status and may have an exception: the exception's
	 * error is used when it agrees with the status (or the status is the container's 500 for an uncaught
	 * exception), otherwise the status alone decides.
	 * @param status the status the dispatch ended with
	 * @param exception the exception, or {@code null}
	 * @return the error
	 */
	public ResolvedError resolve(int status, @Nullable Throwable exception) {
		if (exception != null) {
			ResolvedError error = resolve(exception);
			if (!error.isHandedBack() && (status == 500 || error.getStatus() == status)) {
				return error;
			}
		}
		return resolve(status);
	}

	private ResolvedError.@Nullable Builder answer(Throwable exception, Throwable outermost) {
		if (exception instanceof ApiException api) {
			return fromApiException(api, exception, outermost);
		}
		for (ApiExceptionMapper mapper : this.mappers) {
			ApiException mapped;
			try {
				mapped = mapper.map(exception);
			}
			catch (RuntimeException | LinkageError ex) {
				return failed("ApiExceptionMapper " + mapper.getClass().getName(), ex, outermost);
			}
			if (mapped != null) {
				return fromApiException(mapped, exception, outermost);
			}
		}
		ErrorRule<Throwable> rule = this.rulesByClass.get(exception.getClass());
		if (rule == NO_RULE) {
			return null;
		}
		try {
			return rule.answer(exception).exception(outermost).decisive(exception);
		}
		catch (RuntimeException | LinkageError ex) {
			return failed("The rule for " + exception.getClass().getName(), ex, outermost);
		}
	}

	/**
	 * Answer with the generic 500 when answering failed: the starter's own failure, answered here rather than left
	 * to the framework, which would answer the exception differently.
	 */
	private ResolvedError.Builder failed(String what, Throwable failure, Throwable outermost) {
		logger.error("{} failed while answering {}; answering the generic 500", what, outermost.getClass().getName(),
				failure);
		return this.catalog.error(500).exception(outermost).logDetail(what + " failed: " + failure);
	}

	private ErrorRule<Throwable> findRule(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			ExceptionMapping mapping = this.mappings.get(c);
			if (mapping != null) {
				return mappedRule(mapping);
			}
			ApiError annotation = c.getDeclaredAnnotation(ApiError.class);
			if (annotation != null) {
				return annotatedRule(annotation);
			}
			ErrorRule<Throwable> rule = this.rules.forClass(c);
			if (rule != null) {
				return rule;
			}
			rule = this.rules.forAnnotationOn(c, SearchStrategy.DIRECT);
			if (rule != null) {
				return rule;
			}
		}
		ErrorRule<Throwable> fallback = this.rules.fallbackFor(type);
		if (fallback != null) {
			return fallback;
		}
		ErrorRule<Throwable> onInterface = this.rules.forAnnotationOn(type, SearchStrategy.TYPE_HIERARCHY);
		return (onInterface != null) ? onInterface : NO_RULE;
	}

	private ErrorRule<Throwable> mappedRule(ExceptionMapping mapping) {
		int status = mapping.status();
		String code = (mapping.code() != null) ? mapping.code() : this.catalog.code(status);
		String message = mapping.message();
		return (exception) -> (message != null) ? ResolvedError.builder(status, code, message)
				: ResolvedError.builder(status, code, this.catalog.message(status)).defaultMessage();
	}

	private ErrorRule<Throwable> annotatedRule(ApiError annotation) {
		int status = annotation.status().value();
		String code = annotation.code().isEmpty() ? this.catalog.code(status) : annotation.code();
		String fixed = annotation.message().isBlank() ? null : annotation.message();
		return (exception) -> {
			String message = (fixed != null) ? fixed : ownMessage(exception);
			return (message != null) ? ResolvedError.builder(status, code, message)
					: ResolvedError.builder(status, code, this.catalog.message(status)).defaultMessage();
		};
	}

	/**
	 * Return the exception's own message, or {@code null} when it has none or the message was derived from its
	 * cause (as {@code new RuntimeException(cause)} does), since a cause's text must stay on the server.
	 * @param exception the exception
	 * @return the message written for the exception itself, or {@code null}
	 */
	public static @Nullable String ownMessage(Throwable exception) {
		String message = SafeText.messageOf(exception);
		if (message == null || message.isBlank()) {
			return null;
		}
		Throwable cause;
		try {
			cause = exception.getCause();
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
		if (cause == null || cause == exception) {
			return message;
		}
		try {
			if (message.equals(cause.toString())) {
				return null;
			}
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
		String causeMessage = SafeText.messageOf(cause);
		return (causeMessage != null && causeMessage.length() >= 4 && message.contains(causeMessage)) ? null : message;
	}

	private ResolvedError.Builder fromApiException(ApiException api, Throwable decisive, Throwable outermost) {
		int status = api.getStatusCode().value();
		String text = SafeText.messageOf(api);
		if (api.isConcealedAsNotFound()) {
			return this.catalog.error(404)
				.exception(outermost)
				.decisive(decisive)
				.logStatus(status)
				.logDetail("concealed as 404: " + status + " " + api.getCode() + ": " + text);
		}
		ResolvedError.Builder builder;
		Map<String, String> fields = api.getFields();
		String message = (text != null && !text.isBlank()) ? text : this.catalog.message(status);
		if (fields.size() > FieldErrors.MAX_FIELDS) {
			builder = FieldErrors.of(fields).error(status, api.getCode(), message);
		}
		else {
			builder = ResolvedError.builder(status, api.getCode(), message).fields(fields);
		}
		return builder.headers(api.getHeaders())
			.retryAfter(api.getRetryAfter())
			.rateLimit((api instanceof RateLimitedException limited) ? limited.getRateLimit() : null)
			.exception(outermost)
			.decisive(decisive);
	}

}
