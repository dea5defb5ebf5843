package dev.apierrors.core.rules;

import java.time.Duration;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

/**
 * The rule for Resilience4j's open circuit: a {@code CallNotPermittedException} is a 503
 * {@code service_unavailable} whose {@code Retry-After} is the circuit breaker's wait in the open state, when the
 * breaker can be found by its name, else the configured delay of a 503.
 */
public final class CircuitBreakerRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	private final Function<String, @Nullable Duration> waitInOpenState;

	/**
	 * Create the rule.
	 * @param catalog the default codes and messages
	 * @param waitInOpenState the wait in the open state of the circuit breaker of the given name, or {@code null}
	 * when it is unknown
	 */
	public CircuitBreakerRules(ErrorCatalog catalog, Function<String, @Nullable Duration> waitInOpenState) {
		this.catalog = catalog;
		this.waitInOpenState = waitInOpenState;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(CallNotPermittedException.class, this::notPermitted);
	}

	private ResolvedError.Builder notPermitted(CallNotPermittedException ex) {
		String name = ex.getCausingCircuitBreakerName();
		return this.catalog.error(503)
			.retryAfter(RegistryLookup.safely(this.waitInOpenState, name))
			.logDetail("circuit breaker '" + name + "' does not permit calls");
	}

}
