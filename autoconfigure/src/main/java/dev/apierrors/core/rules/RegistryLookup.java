package dev.apierrors.core.rules;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Looks up a delay in a resilience library's registry without letting a failure of the lookup change the answer.
 */
final class RegistryLookup {

	private RegistryLookup() {
	}

	static @Nullable Duration safely(Function<String, @Nullable Duration> lookup, @Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			Duration delay = lookup.apply(name);
			return (delay != null && !delay.isNegative() && !delay.isZero()) ? delay : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
