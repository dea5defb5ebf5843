package dev.apierrors;

import org.springframework.http.HttpHeaders;

/**
 * Writes the headers of a {@link RateLimit} in the one shape the application chose with
 * {@code api.errors.rate-limit.headers}: the IETF {@code RateLimit} and {@code RateLimit-Policy} fields, or the
 * common {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset}. The starter uses it for 429s; inject it
 * to send the same headers with successful responses.
 */
@FunctionalInterface
public interface RateLimitHeaders {

	/**
	 * Write the headers of a rate limit, replacing earlier values.
	 * @param rateLimit the rate limit
	 * @param headers the headers to write to
	 */
	void write(RateLimit rateLimit, HttpHeaders headers);

}
