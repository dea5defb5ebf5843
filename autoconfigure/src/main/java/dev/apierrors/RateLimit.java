package dev.apierrors;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The state of a rate limit as a client should see it, so that it can slow down before it is refused: sent with a
 * 429 from {@link RateLimitedException#withRateLimit(RateLimit)}, and with any response through
 * {@link RateLimitHeaders}, in the shape {@code api.errors.rate-limit.headers} chooses.
 *
 * @param policy the name of the limit (an HTTP token), {@code default} when there is one limit
 * @param limit the number of requests the window allows
 * @param remaining the number of requests left in the current window
 * @param reset how long until the window resets
 * @param window the length of the window, or {@code null} when it is not fixed
 */
public record RateLimit(String policy, long limit, long remaining, Duration reset, @Nullable Duration window) {

	/**
	 * Check the values.
	 * @param policy the name of the limit (an HTTP token), {@code default} when there is one limit
	 * @param limit the number of requests the window allows
	 * @param remaining the number of requests left in the current window
	 * @param reset how long until the window resets
	 * @param window the length of the window, or {@code null} when it is not fixed
	 * @throws IllegalArgumentException if the policy is no token, the limit not positive, the remaining count
	 * outside {@code 0..limit}, or a duration negative
	 */
	public RateLimit {
		if (policy == null || policy.isEmpty() || !policy.chars()
			.allMatch((c) -> Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
			throw new IllegalArgumentException("The policy name must be an HTTP token, got '" + policy + "'");
		}
		if (limit <= 0 || remaining < 0 || remaining > limit) {
			throw new IllegalArgumentException(
					"Expected 0 <= remaining <= limit and limit > 0, got remaining " + remaining + " of " + limit);
		}
		if (reset == null || reset.isNegative() || (window != null && window.isNegative())) {
			throw new IllegalArgumentException("reset and window must not be negative");
		}
	}

	/**
	 * Create the state of the only limit of an API.
	 * @param limit the number of requests the window allows
	 * @param remaining the number of requests left
	 * @param reset how long until the window resets
	 * @return the rate limit, named {@code default}
	 */
	public static RateLimit of(long limit, long remaining, Duration reset) {
		return new RateLimit("default", limit, remaining, reset, null);
	}

}
