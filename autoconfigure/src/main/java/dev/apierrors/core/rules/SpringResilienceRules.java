package dev.apierrors.core.rules;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

import org.springframework.resilience.InvocationRejectedException;

/**
 * The rules for Spring Framework's own resilience features: an invocation that {@code @ConcurrencyLimit} rejects
 * ({@code policy = REJECT}) is a 503 {@code service_unavailable} with the configured delay. A {@code RetryException}
 * of a {@code RetryTemplate} needs no rule: its cause is the last failure, which the resolver answers (and
 * {@code @Retryable} methods throw that failure itself).
 */
public final class SpringResilienceRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 */
	public SpringResilienceRules(ErrorCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(InvocationRejectedException.class, this::rejected);
	}

	private ResolvedError.Builder rejected(InvocationRejectedException ex) {
		return this.catalog.error(503)
			.logDetail("concurrency limit of " + ex.getTarget().getClass().getName() + " reached");
	}

}
