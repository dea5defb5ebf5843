package dev.apierrors.openapi;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorResponses;
import dev.apierrors.ApiException;
import dev.apierrors.BadGatewayException;
import dev.apierrors.BadRequestException;
import dev.apierrors.ConflictException;
import dev.apierrors.ForbiddenException;
import dev.apierrors.GatewayTimeoutException;
import dev.apierrors.GoneException;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.UnauthenticatedException;
import dev.apierrors.ValidationException;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.resolve.ExceptionMapping;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;

/**
 * Decides the errors a handler method can answer, by status, from what the runtime would answer: the typed
 * exceptions and {@code @ApiError}, {@code @ResponseStatus} and mapped classes of its {@code throws} clause and of
 * {@link ApiErrorResponses}, the codes {@link ApiErrorResponses} names, 400 and 422 for its body and parameters,
 * 401 and 403 when security applies to it, 415 and 406 for the media types, the codes of
 * {@code Idempotency-Key} support on an {@code @Idempotent} method, and 500 for every operation. Each code comes
 * from the error catalog, so its status and message are those the runtime sends.
 */
final class OperationErrors {

	private static final Logger logger = LoggerFactory.getLogger(OperationErrors.class);

	private static final Map<Class<?>, Integer> TYPED = Map.ofEntries(Map.entry(BadRequestException.class, 400),
			Map.entry(UnauthenticatedException.class, 401), Map.entry(ForbiddenException.class, 403),
			Map.entry(NotFoundException.class, 404), Map.entry(ConflictException.class, 409),
			Map.entry(GoneException.class, 410), Map.entry(ValidationException.class, 422),
			Map.entry(RateLimitedException.class, 429), Map.entry(BadGatewayException.class, 502),
			Map.entry(ServiceUnavailableException.class, 503), Map.entry(GatewayTimeoutException.class, 504));

	private static final String CONSTRAINT = "jakarta.validation.Constraint";

	private static final String VALID = "jakarta.validation.Valid";

	private static final String VALIDATED = "org.springframework.validation.annotation.Validated";

	private static final String IDEMPOTENT = "dev.apierrors.Idempotent";

	private static final List<String> IDEMPOTENCY_CODES = List.of("idempotency_key_required",
			"idempotency_key_invalid", "idempotency_key_in_use", "idempotency_key_reused", "idempotency_body_too_large",
			"idempotency_store_unavailable");

	private final ErrorCodeRegistry registry;

	private final ErrorCatalog statuses;

	private final List<ExceptionMapping> mappings;

	private final SecuredOperations security;

	private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

	OperationErrors(ErrorCodeRegistry registry, ErrorCatalog statuses, List<ExceptionMapping> mappings,
			SecuredOperations security) {
		this.registry = registry;
		this.statuses = statuses;
		this.mappings = mappings;
		this.security = security;
	}

	/**
	 * Return the errors of a handler method, by status, each status with its codes in order.
	 * @param handler the handler method
	 * @param mappings its request mapping
	 * @return the codes by status
	 */
	SortedMap<Integer, Map<String, ErrorCodeEntry>> of(HandlerMethod handler, OperationMappings mappings) {
		SortedMap<Integer, Map<String, ErrorCodeEntry>> errors = new TreeMap<>();
		for (Class<?> type : handler.getMethod().getExceptionTypes()) {
			addException(errors, type);
		}
		for (ApiErrorResponses declared : declarations(handler)) {
			for (String code : declared.value()) {
				addCode(errors, code, handler);
			}
			for (Class<? extends Throwable> type : declared.exceptions()) {
				addException(errors, type);
			}
		}
		boolean body = false;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			body |= addParameter(errors, parameter);
		}
		if (MergedAnnotations.from(handler.getBeanType(), SearchStrategy.TYPE_HIERARCHY).isPresent(VALIDATED)
				&& hasConstrainedParameter(handler)) {
			addCode(errors, this.statuses.code(422), handler);
		}
		for (int status : this.security.statuses(handler, mappings)) {
			addStatus(errors, status);
		}
		if (body || mappings.consumes()) {
			addStatus(errors, 415);
		}
		if (mappings.produces()) {
			addStatus(errors, 406);
		}
		MergedAnnotation<Annotation> idempotent = MergedAnnotations.from(handler.getMethod()).get(IDEMPOTENT);
		if (idempotent.isPresent()) {
			for (String code : IDEMPOTENCY_CODES) {
				if (!code.equals("idempotency_key_required") || idempotent.getBoolean("required")) {
					addCode(errors, code, handler);
				}
			}
		}
		addStatus(errors, 500);
		return errors;
	}

	private static List<ApiErrorResponses> declarations(HandlerMethod handler) {
		List<ApiErrorResponses> declarations = new ArrayList<>();
		Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ApiErrorResponses.class))
			.ifPresent(declarations::add);
		Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ApiErrorResponses.class))
			.ifPresent(declarations::add);
		return declarations;
	}

	/**
	 * Add the errors a parameter can cause.
	 * @return whether the parameter is the request body
	 */
	private boolean addParameter(SortedMap<Integer, Map<String, ErrorCodeEntry>> errors, MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		boolean optional = type == Optional.class;
		if (constrained(parameter)) {
			addCode(errors, this.statuses.code(422), null);
		}
		RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
		if (body != null) {
			addCode(errors, "invalid_json", null);
			addCode(errors, "invalid_field", null);
			return true;
		}
		RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
		if (part != null || isMultipart(type)) {
			if ((part == null || part.required()) && !optional) {
				addCode(errors, "missing_parameter", null);
			}
			addCode(errors, "invalid_multipart", null);
			addStatus(errors, 413);
			return false;
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null) {
			if (param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue()) && !optional) {
				addCode(errors, "missing_parameter", null);
			}
			addConversion(errors, parameter);
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null) {
			if (header.required() && ValueConstants.DEFAULT_NONE.equals(header.defaultValue()) && !optional) {
				addCode(errors, "missing_header", null);
			}
			addConversion(errors, parameter);
		}
		CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
		if (cookie != null) {
			if (cookie.required() && ValueConstants.DEFAULT_NONE.equals(cookie.defaultValue()) && !optional) {
				addCode(errors, "missing_cookie", null);
			}
			addConversion(errors, parameter);
		}
		if (parameter.hasParameterAnnotation(PathVariable.class)) {
			addConversion(errors, parameter);
		}
		return false;
	}

	private void addConversion(SortedMap<Integer, Map<String, ErrorCodeEntry>> errors, MethodParameter parameter) {
		Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
		if (type != String.class && !Map.class.isAssignableFrom(type)) {
			addCode(errors, "invalid_parameter", null);
		}
	}

	private static boolean isMultipart(Class<?> type) {
		return type.getName().equals("org.springframework.web.multipart.MultipartFile")
				|| type.getName().equals("org.springframework.http.codec.multipart.FilePart")
				|| type.getName().equals("jakarta.servlet.http.Part");
	}

	private static boolean constrained(MethodParameter parameter) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			MergedAnnotations merged = MergedAnnotations.from(annotation);
			String name = annotation.annotationType().getName();
			if (name.equals(VALID) || name.equals(VALIDATED) || merged.isPresent(CONSTRAINT)
					|| MergedAnnotations.from(annotation.annotationType()).isPresent(CONSTRAINT)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasConstrainedParameter(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (constrained(parameter)) {
				return true;
			}
		}
		return false;
	}

	private void addException(SortedMap<Integer, Map<String, ErrorCodeEntry>> errors, Class<?> type) {
		ErrorCodeEntry entry = forException(type);
		if (entry != null) {
			add(errors, entry);
		}
		else {
			logger.debug("{} is not documented as an error response: its status is not known from its class",
					type.getName());
		}
	}

	/**
	 * Return the entry of an exception class as the resolver answers it: a typed exception by its status's
	 * default code, a mapped class by its mapping, an annotated class by its annotation.
	 */
	private @Nullable ErrorCodeEntry forException(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			Integer typed = TYPED.get(c);
			if (typed != null) {
				return statusEntry(typed);
			}
			if (c == ApiException.class) {
				return null;
			}
			for (ExceptionMapping mapping : this.mappings) {
				if (mapping.exception() == c) {
					String code = (mapping.code() != null) ? mapping.code() : this.statuses.code(mapping.status());
					ErrorCodeEntry known = this.registry.find(code);
					return (known != null) ? known : statusEntry(mapping.status());
				}
			}
			// The annotation's own message, as the runtime sends it (a @ResponseStatus reason, say).
			ErrorCodeEntry annotated = ErrorCodeEntry.forExceptionClass(c, this.statuses);
			if (annotated != null) {
				return annotated;
			}
		}
		return null;
	}

	private void addCode(SortedMap<Integer, Map<String, ErrorCodeEntry>> errors, String code,
			@Nullable HandlerMethod handler) {
		ErrorCodeEntry entry = this.registry.find(code);
		if (entry != null) {
			add(errors, entry);
		}
		else if (handler != null && this.reportedUnknown.add(code)) {
			logger.warn("The error code '{}' named by @ApiErrorResponses on {} is not in the error catalog; it is left "
					+ "out of the OpenAPI documentation", code, ClassUtils.getQualifiedMethodName(handler.getMethod()));
		}
	}

	private void addStatus(SortedMap<Integer, Map<String, ErrorCodeEntry>> errors, int status) {
		add(errors, statusEntry(status));
	}

	private ErrorCodeEntry statusEntry(int status) {
		ErrorCodeEntry known = this.registry.find(this.statuses.code(status));
		return (known != null && known.status() == status) ? known
				: new ErrorCodeEntry(this.statuses.code(status), status, this.statuses.message(status), "",
						ErrorCodeEntry.Source.STATUS);
	}

	private static void add(SortedMap<Integer, Map<String, ErrorCodeEntry>> errors, ErrorCodeEntry entry) {
		errors.computeIfAbsent(entry.status(), (status) -> new LinkedHashMap<>()).putIfAbsent(entry.code(), entry);
	}

}
