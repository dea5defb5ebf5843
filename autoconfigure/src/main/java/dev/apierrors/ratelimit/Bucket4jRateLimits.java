package dev.apierrors.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;

import dev.apierrors.RateLimit;
import dev.apierrors.RateLimitedException;

/**
 * Turns a Bucket4j {@link ConsumptionProbe} into the starter's rate-limit answer: Bucket4j refuses a request by
 * returning a probe rather than throwing, so a service that limits with it throws {@link #rejected} for a probe
 * that was not consumed and writes {@link #rateLimit} with its successful responses.
 *
 * <pre class="code">
 * ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
 * if (!probe.isConsumed()) {
 *     throw Bucket4jRateLimits.rejected(probe, CAPACITY);
 * }
 * </pre>
 */
public final class Bucket4jRateLimits {

	private Bucket4jRateLimits() {
	}

	/**
	 * Return the state of the limit after a probe: the capacity, the tokens left, and the time until the bucket is
	 * full again as its reset.
	 * @param probe the probe
	 * @param capacity the capacity of the bucket
	 * @return the rate limit, named {@code default}
	 */
	public static RateLimit rateLimit(ConsumptionProbe probe, long capacity) {
		long remaining = Math.max(0, Math.min(capacity, probe.getRemainingTokens()));
		return RateLimit.of(capacity, remaining, Duration.ofNanos(Math.max(0, probe.getNanosToWaitForReset())));
	}

	/**
	 * Return the exception that answers a probe that was not consumed: a 429 whose {@code Retry-After} is the
	 * time until a token is available again, with the bucket's rate-limit headers.
	 * @param probe the probe that was not consumed
	 * @param capacity the capacity of the bucket
	 * @return the exception to throw
	 */
	public static RateLimitedException rejected(ConsumptionProbe probe, long capacity) {
		Duration refill = Duration.ofNanos(Math.max(0, probe.getNanosToWaitForRefill()));
		return new RateLimitedException("Too many requests. Retry in " + Math.max(1, seconds(refill)) + " seconds.",
				refill)
			.withRateLimit(rateLimit(probe, capacity));
	}

	private static long seconds(Duration duration) {
		return duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
	}

}
