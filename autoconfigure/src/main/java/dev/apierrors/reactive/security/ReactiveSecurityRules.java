package dev.apierrors.reactive.security;

import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;
import dev.apierrors.core.rules.SecurityRules;

import org.springframework.security.web.server.csrf.CsrfException;

/**
 * The rule for the CSRF failure of Spring Security's WebFlux support: {@code 403 invalid_csrf_token}, as on
 * Spring MVC.
 */
public final class ReactiveSecurityRules implements ErrorRuleContributor {

	/**
	 * Create an instance.
	 */
	public ReactiveSecurityRules() {
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(CsrfException.class, (ex) -> SecurityRules.invalidCsrfToken());
	}

}
