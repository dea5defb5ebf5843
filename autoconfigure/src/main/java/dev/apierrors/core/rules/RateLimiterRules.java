package dev.apierrors.core.rules;

import java.time.Duration;
import java.util.function.Function;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

/**
 * The rule for Resilience4j's rate limiter: a {@code RequestNotPermitted} is a 429 {@code rate_limit_exceeded}
 * whose {@code Retry-After} is the limiter's refresh period, when the limiter can be found by its name, else the
 * configured delay of a 429.
 */
public final class RateLimiterRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	private final Function<String, @Nullable Duration> refreshPeriod;

	/**
	 * Create the rule.
	 * @param catalog the default codes and messages
	 * @param refreshPeriod the refresh period of the rate limiter of the given name, or {@code null} when it is
	 * unknown
	 */
	public RateLimiterRules(ErrorCatalog catalog, Function<String, @Nullable Duration> refreshPeriod) {
		this.catalog = catalog;
		this.refreshPeriod = refreshPeriod;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(RequestNotPermitted.class, this::notPermitted);
	}

	private ResolvedError.Builder notPermitted(RequestNotPermitted ex) {
		String name = ex.getCausingRateLimiterName();
		return this.catalog.error(429)
			.retryAfter(RegistryLookup.safely(this.refreshPeriod, name))
			.logDetail("rate limiter '" + name + "' does not permit calls");
	}

}
