package dev.apierrors.reactive;

import java.util.Map;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;
import dev.apierrors.core.rules.JacksonReadErrors;
import dev.apierrors.core.rules.SpringWebRules;
import dev.apierrors.core.rules.ValidationRules;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The rules for WebFlux's own exceptions, which stand for the failures Spring MVC reports with exceptions of its
 * own, so that both stacks answer alike: a missing parameter, header or cookie, a value of the wrong type, a body
 * that is missing, not valid JSON or holds a value of the wrong kind, and a {@code @Valid} object that failed.
 */
public final class ReactiveRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	private final ValidationRules validation;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 * @param validation the validation rules, for bound objects
	 */
	public ReactiveRules(ErrorCatalog catalog, ValidationRules validation) {
		this.catalog = catalog;
		this.validation = validation;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(ServerWebInputException.class, this::input);
		rules.add(MissingRequestValueException.class, this::missing);
		rules.add(WebExchangeBindException.class, (ex) -> this.validation.bindingFailed(ex.getBindingResult()));
	}

	private ResolvedError.Builder missing(MissingRequestValueException ex) {
		ResolvedError.Builder missing = SpringWebRules.missing(ex.getLabel(), ex.getName());
		return (missing != null) ? missing : this.catalog.error(400).messageArguments(ex.getName());
	}

	private ResolvedError.Builder input(ServerWebInputException ex) {
		CauseChain chain = CauseChain.of(ex);
		TypeMismatchException mismatch = chain.find(TypeMismatchException.class);
		if (mismatch != null) {
			String name = (mismatch.getPropertyName() != null) ? mismatch.getPropertyName()
					: parameterName(ex.getMethodParameter());
			return SpringWebRules.invalidParameter(name, mismatch.getRequiredType());
		}
		if (chain.find(DecodingException.class) != null) {
			return body(chain, ex);
		}
		return this.catalog.error(400);
	}

	private ResolvedError.Builder body(CauseChain chain, ServerWebInputException ex) {
		if (JacksonReadErrors.PRESENT) {
			for (int i = 0; i < chain.size(); i++) {
				Map<String, String> fields = JacksonReadErrors.fields(chain.get(i));
				if (fields != null) {
					return ResolvedError.builder(400, "invalid_field", "A field of the request body has a wrong value.")
						.fields(fields);
				}
			}
		}
		boolean missing = "No request body".equals(ex.getReason());
		return ResolvedError.builder(400, "invalid_json",
				missing ? "The request body is missing." : "The request body is not valid JSON.");
	}

	private static @org.jspecify.annotations.Nullable String parameterName(
			@org.jspecify.annotations.Nullable MethodParameter parameter) {
		if (parameter == null) {
			return null;
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return parameter.getParameterName();
	}

}
