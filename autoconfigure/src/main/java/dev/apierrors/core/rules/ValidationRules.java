package dev.apierrors.core.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;

import dev.apierrors.FieldNameResolver;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;
import dev.apierrors.core.resolve.FieldErrors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The rules for validation failures: {@code @Valid} bodies and objects ({@code BindException},
 * {@code MethodArgumentNotValidException}), constrained handler parameters ({@code HandlerMethodValidationException})
 * and class-level {@code @Validated} ({@code ConstraintViolationException}) answer {@code validation_failed} with
 * {@code fields} (422 by default, 400 when configured, as Spring answers); a value that could not be bound to its
 * type answers {@code 400 invalid_parameter}; a constraint on a handler's return value, and a
 * {@code MethodValidationException} of a bean that is not a handler, are the server's own bugs and answer 500.
 */
public final class ValidationRules implements ErrorRuleContributor {

	private static final boolean BEAN_VALIDATION_PRESENT = ClassUtils.isPresent(
			"jakarta.validation.ConstraintViolationException", ValidationRules.class.getClassLoader());

	private final ErrorCatalog catalog;

	private final FieldNameResolver fieldNames;

	private final int status;

	private final String code;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 * @param fieldNames translates Java property paths into JSON names
	 * @param status the status of a validation failure, 422 or 400
	 */
	public ValidationRules(ErrorCatalog catalog, FieldNameResolver fieldNames, int status) {
		this.catalog = catalog;
		this.fieldNames = fieldNames;
		this.status = status;
		this.code = catalog.code(422);
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(org.springframework.validation.BindException.class, (ex) -> bindingFailed(ex.getBindingResult()));
		rules.add(HandlerMethodValidationException.class, this::methodValidation);
		rules.add(MethodValidationException.class, (ex) -> this.catalog.error(500).unexpected());
		if (BEAN_VALIDATION_PRESENT) {
			BeanValidation.register(rules, this);
		}
	}

	@Override
	public List<ErrorCodeEntry> errorCodes() {
		return List.of(ErrorCodeEntry.builtIn(this.code, this.status, this.catalog.message(422),
				"Values of the request failed validation; fields names each invalid value (JSON path, parameter or "
						+ "header name) with its message."));
	}

	/**
	 * Answer the errors of a bound object: any value that could not be converted makes it a 400, otherwise the
	 * constraint failures make it a validation failure.
	 * @param result the binding result
	 * @return the error
	 */
	public ResolvedError.Builder bindingFailed(BindingResult result) {
		Object target = result.getTarget();
		Class<?> type = (target != null) ? target.getClass() : Object.class;
		FieldErrors fields = new FieldErrors();
		boolean typeMismatch = false;
		for (ObjectError error : inFieldOrder(result.getAllErrors())) {
			if (error instanceof FieldError fieldError) {
				String name = this.fieldNames.toJsonPath(type, fieldError.getField());
				if (fieldError.isBindingFailure()) {
					typeMismatch = true;
					fields.add(name, bindingFailureMessage(fieldError));
				}
				else {
					fields.add(name, message(fieldError));
				}
			}
			else {
				fields.add("$", message(error));
			}
		}
		if (typeMismatch) {
			return fields.error(400, "invalid_parameter", "A parameter has an invalid value.");
		}
		return validationFailed(fields);
	}

	/**
	 * Return the errors ordered by field name (global errors first) and message: bean validation reports
	 * violations in no particular order, and the same request must get the same body.
	 */
	private static <E extends ObjectError> List<E> inFieldOrder(List<E> errors) {
		if (errors.size() < 2) {
			return errors;
		}
		List<E> sorted = new ArrayList<>(errors);
		sorted.sort(Comparator.comparing((E error) -> (error instanceof FieldError field) ? field.getField() : "")
			.thenComparing((error) -> String.valueOf(error.getDefaultMessage())));
		return sorted;
	}

	private static String bindingFailureMessage(FieldError error) {
		if (error.contains(TypeMismatchException.class)) {
			return "must be " + TypeDescriptions.describe(error.unwrap(TypeMismatchException.class).getRequiredType());
		}
		return "has an invalid value";
	}

	private ResolvedError.Builder validationFailed(FieldErrors fields) {
		return (this.status == 422) ? fields.error(this.catalog, 422, this.code)
				: fields.error(this.status, this.code, this.catalog.message(422));
	}

	private ResolvedError.Builder methodValidation(HandlerMethodValidationException ex) {
		if (ex.isForReturnValue()) {
			return this.catalog.error(500).unexpected().logDetail("a constraint on the handler's return value failed");
		}
		return methodValidation((MethodValidationResult) ex);
	}

	/**
	 * Answer the constraint failures of a handler's parameters.
	 * @param result the validation result
	 * @return the error
	 */
	public ResolvedError.Builder methodValidation(MethodValidationResult result) {
		FieldErrors fields = new FieldErrors();
		for (ParameterValidationResult parameterResult : result.getParameterValidationResults()) {
			MethodParameter parameter = parameterResult.getMethodParameter();
			String base = parameterName(parameter);
			if (parameterResult.getContainerIndex() != null) {
				base = base + "[" + parameterResult.getContainerIndex() + "]";
			}
			else if (parameterResult.getContainerKey() != null) {
				base = base + "[" + parameterResult.getContainerKey() + "]";
			}
			if (parameterResult instanceof ParameterErrors errors) {
				Object target = errors.getArgument();
				Class<?> type = (target != null) ? target.getClass() : parameter.getParameterType();
				boolean body = parameter.hasParameterAnnotation(RequestBody.class);
				for (FieldError fieldError : inFieldOrder(errors.getFieldErrors())) {
					String name = this.fieldNames.toJsonPath(type, fieldError.getField());
					fields.add(body ? name : base + "." + name, message(fieldError));
				}
				for (ObjectError global : errors.getGlobalErrors()) {
					fields.add(body ? "$" : base, message(global));
				}
			}
			else {
				for (MessageSourceResolvable error : parameterResult.getResolvableErrors()) {
					fields.add(base, message(error));
				}
			}
		}
		return validationFailed(fields);
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

	/**
	 * The rule for Jakarta Bean Validation's own exception; loaded only when the API is present.
	 */
	private static final class BeanValidation {

		private final ValidationRules validation;

		private BeanValidation(ValidationRules validation) {
			this.validation = validation;
		}

		static void register(ErrorRules rules, ValidationRules validation) {
			rules.add(ConstraintViolationException.class, new BeanValidation(validation)::constraintViolations);
		}

		private ResolvedError.Builder constraintViolations(ConstraintViolationException ex) {
			Map<String, String> byPath = new TreeMap<>();
			for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
				if (isOnReturnValue(violation)) {
					return this.validation.catalog.error(500)
						.unexpected()
						.logDetail("a constraint on a return value failed");
				}
				byPath.merge(ValidationPaths.of(violation), violation.getMessage(),
						(one, other) -> (one.compareTo(other) <= 0) ? one : other);
			}
			FieldErrors fields = new FieldErrors();
			byPath.forEach(fields::add);
			return this.validation.validationFailed(fields);
		}

		private static boolean isOnReturnValue(@Nullable ConstraintViolation<?> violation) {
			if (violation == null) {
				return false;
			}
			for (Path.Node node : violation.getPropertyPath()) {
				if (node.getKind() == ElementKind.RETURN_VALUE) {
					return true;
				}
			}
			return false;
		}

	}

}
