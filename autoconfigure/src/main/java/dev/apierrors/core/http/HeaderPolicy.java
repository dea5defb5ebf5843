package dev.apierrors.core.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.RateLimit;
import dev.apierrors.RateLimitHeaders;
import dev.apierrors.core.ErrorExchange;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.SafeText;

import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;

/**
 * The one place that decides the headers of an error response, used by every writer:
 * <ul>
 * <li>the request id header, {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff};</li>
 * <li>{@code Retry-After}: the delay the exception asked for, else a {@code Retry-After} header the exception
 * carries, else one the application set on the response, else the reset of an exhausted rate limit, else the
 * configured default of a 429 or 503;</li>
 * <li>{@code WWW-Authenticate} on a 401 (and a Bearer 403 {@code insufficient_scope}): the exception's own, else the
 * one the application or its security mechanism set, else the mechanism's challenge (HTTP Basic with its realm,
 * none for a request Basic deliberately answers without one), else the configured scheme and realm, with the RFC
 * 6750 error of a Bearer error code;</li>
 * <li>the exception's own headers, such as {@code Allow} and {@code Accept}, the rate-limit headers of a limit the
 * client ran into, then those customizers added;</li>
 * <li>every other header set earlier (CORS, the application's) survives, except those that describe a body the
 * error body replaces ({@code Content-Encoding}, {@code Content-Disposition}, and {@code Content-Range} but on a
 * 416, where it names the size of the resource).</li>
 * </ul>
 */
public final class HeaderPolicy {

	/** Headers describing a body that the error body replaces, removed unless noted otherwise. */
	public static final List<String> REPLACED_BODY_HEADERS = List.of(HttpHeaders.CONTENT_ENCODING,
			HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_RANGE);

	private static final Logger logger = LoggerFactory.getLogger(HeaderPolicy.class);

	private static final String NOSNIFF = "X-Content-Type-Options";

	private final String requestIdHeader;

	private final RetryAfterPolicy retryAfter;

	private final AuthenticationChallenges challenges;

	private final RateLimitHeaders rateLimitHeaders;

	private final Set<String> reservedHeaders;

	private final String tooManyRequestsSeconds;

	private final String serviceUnavailableSeconds;

	/**
	 * Create the policy.
	 * @param requestIdHeader the name of the request id header
	 * @param retryAfter how {@code Retry-After} delays are computed
	 * @param challenges the configured challenges
	 */
	public HeaderPolicy(String requestIdHeader, RetryAfterPolicy retryAfter, AuthenticationChallenges challenges) {
		this(requestIdHeader, retryAfter, challenges, (rateLimit, headers) -> {
		});
	}

	/**
	 * Create the policy.
	 * @param requestIdHeader the name of the request id header
	 * @param retryAfter how {@code Retry-After} delays are computed
	 * @param challenges the configured challenges
	 * @param rateLimitHeaders writes the rate-limit headers of a 429 that carries a rate limit
	 */
	public HeaderPolicy(String requestIdHeader, RetryAfterPolicy retryAfter, AuthenticationChallenges challenges,
			RateLimitHeaders rateLimitHeaders) {
		this.requestIdHeader = requestIdHeader;
		this.retryAfter = retryAfter;
		this.challenges = challenges;
		this.rateLimitHeaders = rateLimitHeaders;
		this.reservedHeaders = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT),
				HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT),
				HttpHeaders.TRANSFER_ENCODING.toLowerCase(Locale.ROOT), HttpHeaders.RETRY_AFTER.toLowerCase(Locale.ROOT),
				HttpHeaders.CACHE_CONTROL.toLowerCase(Locale.ROOT), NOSNIFF.toLowerCase(Locale.ROOT),
				requestIdHeader.toLowerCase(Locale.ROOT));
		this.tooManyRequestsSeconds = Long.toString(retryAfter.seconds(429, null));
		this.serviceUnavailableSeconds = Long.toString(retryAfter.seconds(503, null));
	}

	/**
	 * Return the name of the request id header.
	 * @return the header name
	 */
	public String requestIdHeader() {
		return this.requestIdHeader;
	}

	/**
	 * Return the lower-case names of the headers customizers cannot set.
	 * @return the reserved header names
	 */
	public Set<String> reservedHeaders() {
		return this.reservedHeaders;
	}

	/**
	 * Decide the {@code Retry-After} value of an error.
	 * @param error the error
	 * @param exchange the exchange, for a value the application set
	 * @return the decision
	 */
	public RetryAfter retryAfter(ResolvedError error, ErrorExchange exchange) {
		Duration requested = error.getRequestedRetryAfter();
		if (requested != null) {
			long seconds = this.retryAfter.clamp(requested);
			return new RetryAfter(Long.toString(seconds), seconds);
		}
		String carried = error.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		if (carried == null) {
			carried = exchange.existingHeader(HttpHeaders.RETRY_AFTER);
		}
		if (carried != null) {
			return new RetryAfter(carried, seconds(carried));
		}
		RateLimit rateLimit = error.getRateLimit();
		if (rateLimit != null && rateLimit.remaining() == 0) {
			long seconds = this.retryAfter.clamp(rateLimit.reset());
			return new RetryAfter(Long.toString(seconds), seconds);
		}
		long seconds = this.retryAfter.seconds(error.getStatus(), null);
		return (seconds > 0) ? new RetryAfter(Long.toString(seconds), seconds) : RetryAfter.NONE;
	}

	/**
	 * Return the headers to set on an error response, replacing earlier values; the headers in
	 * {@link #removedHeaders(int)} are removed too.
	 * @param error the error, prepared with its request id and retry delay
	 * @param exchange the exchange
	 * @param retryAfter the {@code Retry-After} decision
	 * @param contentType the content type of the body
	 * @return the headers by case-insensitive name, in the order to set them
	 */
	public MultiValueMap<String, String> headers(ResolvedError error, ErrorExchange exchange, RetryAfter retryAfter,
			String contentType) {
		MultiValueMap<String, String> rendered = newHeaders();
		// Written through the HttpHeaders API, over the plain map that the writers iterate.
		HttpHeaders headers = new HttpHeaders(rendered);
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		headers.set(this.requestIdHeader, error.getRequestId());
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.set(NOSNIFF, "nosniff");
		copySafe(error.getHeaders(), headers);
		if (error.getRateLimit() != null) {
			this.rateLimitHeaders.write(error.getRateLimit(), headers);
		}
		if (retryAfter.header() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter.header());
		}
		if (!headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
			String challenge = challenge(error, exchange);
			if (challenge != null) {
				headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
		}
		copySafe(error.getAddedHeaders(), headers);
		return rendered;
	}

	/**
	 * Create an empty, ordered map of headers with case-insensitive names, as {@link #headers} returns.
	 * @return the map
	 */
	public static MultiValueMap<String, String> newHeaders() {
		return CollectionUtils.toMultiValueMap(new LinkedCaseInsensitiveMap<>(8, Locale.ROOT));
	}

	/**
	 * Return the headers set earlier that an error response of the status removes.
	 * @param status the status
	 * @return the header names
	 */
	public List<String> removedHeaders(int status) {
		return (status == 416) ? REPLACED_BODY_HEADERS.subList(0, 2) : REPLACED_BODY_HEADERS;
	}

	private @Nullable String challenge(ResolvedError error, ErrorExchange exchange) {
		int status = error.getStatus();
		if (status != 401 && status != 403) {
			return null;
		}
		String mechanism = exchange.challenge();
		if (mechanism != null) {
			if (status != 401 || mechanism.equals(ErrorExchange.NO_CHALLENGE)
					|| exchange.existingHeader(HttpHeaders.WWW_AUTHENTICATE) != null) {
				return null;
			}
			return mechanism;
		}
		String challenge = this.challenges.challenge(status, error.getCode(), error.getMessage());
		if (challenge != null && challenge.equals(this.challenges.defaultChallenge())
				&& exchange.existingHeader(HttpHeaders.WWW_AUTHENTICATE) != null) {
			// A challenge set before (an entry point of the application's) is kept unless the error names an RFC
			// 6750 error, which only the starter's challenge carries.
			return null;
		}
		return challenge;
	}

	/**
	 * Return the {@code Retry-After} a response of the given status gets when the application sets none, for
	 * writers that guarantee it on responses the starter does not write.
	 * @param status the status
	 * @return the seconds, or {@code null} when the status takes none
	 */
	public @Nullable String defaultRetryAfter(int status) {
		return (status == 429) ? this.tooManyRequestsSeconds : (status == 503) ? this.serviceUnavailableSeconds : null;
	}

	/**
	 * Return the {@code WWW-Authenticate} a 401 gets when nobody set one, for writers that guarantee it on
	 * responses the starter does not write.
	 * @param mechanism the challenge of the request's security mechanism, as {@link ErrorExchange#challenge()}
	 * @return the challenge, or {@code null} when none is sent
	 */
	public @Nullable String defaultChallenge(@Nullable String mechanism) {
		if (mechanism == null) {
			return this.challenges.defaultChallenge();
		}
		return mechanism.equals(ErrorExchange.NO_CHALLENGE) ? null : mechanism;
	}

	private static void copySafe(HttpHeaders from, HttpHeaders to) {
		if (from.isEmpty()) {
			return;
		}
		for (Map.Entry<String, List<String>> header : from.headerSet()) {
			String name = header.getKey();
			boolean first = true;
			for (String value : header.getValue()) {
				if (!SafeText.isToken(name) || value == null || SafeText.hasControl(value)) {
					logger.warn("Dropped error response header {} holding a control character",
							SafeText.escaped(name, 100));
					continue;
				}
				if (first) {
					to.set(name, value);
					first = false;
				}
				else {
					to.add(name, value);
				}
			}
		}
	}

	/**
	 * Return the seconds a {@code Retry-After} value stands for: a number of seconds, or the time until an HTTP
	 * date; {@code -1} when it is neither.
	 */
	static long seconds(String value) {
		String trimmed = value.trim();
		if (!trimmed.isEmpty() && trimmed.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			try {
				return Long.parseLong(trimmed);
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			long millis = Duration.between(Instant.now(), at).toMillis();
			return Math.max(0, (millis + 999) / 1000);
		}
		catch (DateTimeParseException ex) {
			return -1;
		}
	}

	/**
	 * A {@code Retry-After} decision.
	 *
	 * @param header the header value to send, or {@code null} for none
	 * @param seconds the seconds sent as {@code retry_after}, or {@code -1} for none
	 */
	public record RetryAfter(@Nullable String header, long seconds) {

		/** No {@code Retry-After}. */
		public static final RetryAfter NONE = new RetryAfter(null, -1);

	}

}
