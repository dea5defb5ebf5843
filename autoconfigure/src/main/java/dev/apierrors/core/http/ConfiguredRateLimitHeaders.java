package dev.apierrors.core.http;

import java.time.Clock;
import java.time.Duration;

import dev.apierrors.RateLimit;
import dev.apierrors.RateLimitHeaders;

import org.springframework.http.HttpHeaders;

/**
 * Writes rate-limit headers in one shape: the IETF fields of draft-ietf-httpapi-ratelimit-headers
 * ({@code RateLimit-Policy: "default";q=100;w=60} and {@code RateLimit: "default";r=0;t=30}), the common
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (the reset as a Unix
 * time in seconds, as GitHub sends it), or none.
 */
public final class ConfiguredRateLimitHeaders implements RateLimitHeaders {

	private final Shape shape;

	private final Clock clock;

	/**
	 * Create the writer.
	 * @param shape the shape of the headers
	 * @param clock the clock the reset time of {@link Shape#X_RATE_LIMIT} is computed with
	 */
	public ConfiguredRateLimitHeaders(Shape shape, Clock clock) {
		this.shape = shape;
		this.clock = clock;
	}

	/**
	 * Return the shape of the headers.
	 * @return the shape
	 */
	public Shape shape() {
		return this.shape;
	}

	@Override
	public void write(RateLimit rateLimit, HttpHeaders headers) {
		long reset = seconds(rateLimit.reset());
		switch (this.shape) {
			case IETF -> {
				String policy = "\"" + rateLimit.policy() + "\"";
				Duration window = rateLimit.window();
				headers.set("RateLimit-Policy",
						policy + ";q=" + rateLimit.limit() + ((window != null) ? ";w=" + seconds(window) : ""));
				headers.set("RateLimit", policy + ";r=" + rateLimit.remaining() + ";t=" + reset);
			}
			case X_RATE_LIMIT -> {
				headers.set("X-RateLimit-Limit", Long.toString(rateLimit.limit()));
				headers.set("X-RateLimit-Remaining", Long.toString(rateLimit.remaining()));
				headers.set("X-RateLimit-Reset", Long.toString(this.clock.instant().getEpochSecond() + reset));
			}
			case NONE -> {
			}
		}
	}

	private static long seconds(Duration duration) {
		return duration.getSeconds() + ((duration.getNano() > 0) ? 1 : 0);
	}

	/**
	 * Shapes of rate-limit headers.
	 */
	public enum Shape {

		/** The IETF {@code RateLimit} and {@code RateLimit-Policy} fields. */
		IETF,

		/** {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}. */
		X_RATE_LIMIT,

		/** No rate-limit headers. */
		NONE

	}

}
