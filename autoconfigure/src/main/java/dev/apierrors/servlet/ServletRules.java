package dev.apierrors.servlet;

import dev.apierrors.core.rules.SpringWebRules;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

import org.springframework.web.bind.MissingMatrixVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The rules for Spring MVC's own exceptions of missing request values, which are servlet exceptions: answered as
 * WebFlux's are, {@code missing_parameter}, {@code missing_header} or {@code missing_cookie}.
 */
public final class ServletRules implements ErrorRuleContributor {

	/**
	 * Create an instance.
	 */
	public ServletRules() {
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(MissingServletRequestParameterException.class,
				(ex) -> SpringWebRules.missing("query parameter", ex.getParameterName()));
		rules.add(MissingServletRequestPartException.class,
				(ex) -> SpringWebRules.missing("request part", ex.getRequestPartName()));
		rules.add(MissingMatrixVariableException.class,
				(ex) -> SpringWebRules.missing("matrix variable", ex.getVariableName()));
		rules.add(MissingRequestHeaderException.class, (ex) -> SpringWebRules.missing("header", ex.getHeaderName()));
		rules.add(MissingRequestCookieException.class, (ex) -> SpringWebRules.missing("cookie", ex.getCookieName()));
	}

}
