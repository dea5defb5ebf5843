package dev.apierrors.core.rules;

import java.util.function.Function;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import org.jspecify.annotations.Nullable;

import dev.apierrors.RateLimit;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

/**
 * The rule for Resilience4j's rate limiter: a {@code RequestNotPermitted} is a 429 {@code rate_limit_exceeded}
 * whose {@code Retry-After} is the limiter's refresh period and whose rate-limit headers carry its limit per
 * period, when the limiter can be found by its name, else the configured delay of a 429.
 */
public final class RateLimiterRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	private final Function<String, @Nullable RateLimit> rateLimits;

	/**
	 * Create the rule.
	 * @param catalog the default codes and messages
	 * @param rateLimits the state of the rate limiter of the given name (its limit per period, and the period as
	 * reset and window), or {@code null} when it is unknown
	 */
	public RateLimiterRules(ErrorCatalog catalog, Function<String, @Nullable RateLimit> rateLimits) {
		this.catalog = catalog;
		this.rateLimits = rateLimits;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(RequestNotPermitted.class, this::notPermitted);
	}

	private ResolvedError.Builder notPermitted(RequestNotPermitted ex) {
		String name = ex.getCausingRateLimiterName();
		RateLimit rateLimit = lookup(name);
		return this.catalog.error(429)
			.rateLimit(rateLimit)
			.retryAfter((rateLimit != null && !rateLimit.reset().isZero()) ? rateLimit.reset() : null)
			.logDetail("rate limiter '" + name + "' does not permit calls");
	}

	private @Nullable RateLimit lookup(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			return this.rateLimits.apply(name);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
