package dev.apierrors.it.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import dev.apierrors.RateLimit;
import dev.apierrors.RateLimitHeaders;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ratelimit.Bucket4jRateLimits;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An API that limits its callers: with its own counters, with Bucket4j and with Resilience4j.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RateLimitApplication.LimitedController.class)
public class RateLimitApplication {

	static final long CAPACITY = 2;

	@Bean
	SecurityFilterChain openChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
	}

	@Bean
	RateLimiterRegistry rateLimiterRegistry() {
		return RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(1)
			.limitRefreshPeriod(Duration.ofMinutes(1))
			.timeoutDuration(Duration.ZERO)
			.build());
	}

	@RestController
	static class LimitedController {

		private final RateLimitHeaders rateLimitHeaders;

		private final Bucket bucket = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(CAPACITY).refillIntervally(CAPACITY, Duration.ofMinutes(1)).build())
			.build();

		private final RateLimiter limiter;

		LimitedController(RateLimitHeaders rateLimitHeaders, RateLimiterRegistry registry) {
			this.rateLimitHeaders = rateLimitHeaders;
			this.limiter = registry.rateLimiter("search");
		}

		@GetMapping("/limited")
		String limited() {
			throw new RateLimitedException("You have used your 100 searches for this minute.")
				.withRateLimit(new RateLimit("searches", 100, 0, Duration.ofSeconds(30), Duration.ofMinutes(1)));
		}

		@GetMapping("/limited-with-delay")
		String limitedWithDelay() {
			throw new RateLimitedException("Slow down.", Duration.ofSeconds(5))
				.withRateLimit(RateLimit.of(100, 0, Duration.ofSeconds(30)));
		}

		@GetMapping("/ok")
		ResponseEntity<String> ok() {
			return ResponseEntity.ok()
				.headers((headers) -> this.rateLimitHeaders.write(RateLimit.of(100, 99, Duration.ofSeconds(59)), headers))
				.body("fine");
		}

		@GetMapping("/bucket")
		ResponseEntity<String> bucket() {
			ConsumptionProbe probe = this.bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				throw Bucket4jRateLimits.rejected(probe, CAPACITY);
			}
			return ResponseEntity.ok()
				.headers((headers) -> this.rateLimitHeaders.write(Bucket4jRateLimits.rateLimit(probe, CAPACITY),
						headers))
				.body("token taken");
		}

		@GetMapping("/resilience")
		String resilience() {
			return RateLimiter.decorateSupplier(this.limiter, () -> "permitted").get();
		}

	}

}
