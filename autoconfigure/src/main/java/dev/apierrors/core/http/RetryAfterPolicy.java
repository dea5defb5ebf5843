package dev.apierrors.core.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Turns a requested delay into the whole seconds sent as {@code Retry-After} (RFC 9110 section 10.2.3): rounded
 * up, at least one second, at most the configured maximum, with a default for 429 and 503 when none is given.
 *
 * @param tooManyRequests the default delay for 429
 * @param serviceUnavailable the default delay for 503
 * @param max the largest delay ever sent
 */
public record RetryAfterPolicy(Duration tooManyRequests, Duration serviceUnavailable, Duration max) {

	/**
	 * Return the seconds to send for the given status.
	 * @param status the HTTP status
	 * @param requested the delay the error asked for, or {@code null}
	 * @return the seconds, or {@code -1} when the status takes no {@code Retry-After}
	 */
	public long seconds(int status, @Nullable Duration requested) {
		Duration delay = requested;
		if (delay == null) {
			if (status == 429) {
				delay = this.tooManyRequests;
			}
			else if (status == 503) {
				delay = this.serviceUnavailable;
			}
			else {
				return -1;
			}
		}
		return clamp(delay);
	}

	/**
	 * Return the whole seconds of a delay: rounded up, at least one, at most the maximum.
	 * @param delay the delay
	 * @return the seconds
	 */
	public long clamp(Duration delay) {
		long seconds = delay.getSeconds() + ((delay.getNano() > 0) ? 1 : 0);
		long max = Math.max(1, this.max.getSeconds());
		return Math.min(Math.max(1, seconds), max);
	}

}
