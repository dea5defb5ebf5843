package dev.apierrors.core.rules;

import java.util.List;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.ClassUtils;

/**
 * The rules for Spring Security's exceptions when the starter answers them rather than Security's own filters
 * (which tell 401 from 403 by who is logged in): denied is 403, unauthenticated 401 (or the status configured for
 * compatibility), a CSRF failure {@code 403 invalid_csrf_token}.
 */
public final class SecurityRules implements ErrorRuleContributor {

	private static final boolean CSRF_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.web.csrf.CsrfException", SecurityRules.class.getClassLoader());

	private final ErrorCatalog catalog;

	private final int unauthenticatedStatus;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 * @param unauthenticatedStatus the status of an unauthenticated request, 401 or 403
	 */
	public SecurityRules(ErrorCatalog catalog, int unauthenticatedStatus) {
		this.catalog = catalog;
		this.unauthenticatedStatus = unauthenticatedStatus;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(AccessDeniedException.class, (ex) -> this.catalog.error(403));
		rules.add(AuthenticationException.class, (ex) -> unauthenticated());
		if (CSRF_PRESENT) {
			rules.add(org.springframework.security.web.csrf.CsrfException.class, (ex) -> invalidCsrfToken());
		}
	}

	@Override
	public List<ErrorCodeEntry> errorCodes() {
		return List.of(
				ErrorCodeEntry.builtIn(this.catalog.code(401), this.unauthenticatedStatus, this.catalog.message(401),
						"The request has no valid credentials; the WWW-Authenticate header says how to authenticate."),
				ErrorCodeEntry.builtIn("invalid_csrf_token", 403, "The CSRF token is missing or invalid.",
						"A state-changing request of a browser session lacks a valid CSRF token."));
	}

	/**
	 * Start the error of an unauthenticated request: {@code authentication_required}, with 401 unless 403 is
	 * configured to match what Spring Security answers without a login mechanism.
	 * @return the error
	 */
	public ResolvedError.Builder unauthenticated() {
		ResolvedError.Builder builder = ResolvedError.builder(this.unauthenticatedStatus, this.catalog.code(401),
				this.catalog.message(401));
		return (this.unauthenticatedStatus == 401) ? builder.defaultMessage() : builder;
	}

	/**
	 * Start the error of a missing or invalid CSRF token.
	 * @return the error
	 */
	public static ResolvedError.Builder invalidCsrfToken() {
		return ResolvedError.builder(403, "invalid_csrf_token", "The CSRF token is missing or invalid.");
	}

}
