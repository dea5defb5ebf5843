package dev.apierrors.it.ratelimit;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.apierrors.it.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate-limit headers over real HTTP: the IETF fields by default, {@code X-RateLimit-*} when configured, on a 429
 * and on successful responses, consistent with {@code Retry-After}, from the application's own counters, Bucket4j
 * and Resilience4j.
 */
class RateLimitHeadersIntegrationTests {

	@Nested
	@SpringBootTest(classes = RateLimitApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
	class IetfFields {

		@LocalServerPort
		int port;

		Http http;

		@BeforeEach
		void client() {
			this.http = new Http(this.port);
		}

		@Test
		void exhaustedLimitCarriesItsStateAndRetryAfterIsTheReset() {
			Http.Response response = this.http.get("/limited");
			assertThat(response.header("RateLimit-Policy")).isEqualTo("\"searches\";q=100;w=60");
			assertThat(response.header("RateLimit")).isEqualTo("\"searches\";r=0;t=30");
			assertThat(response.header("Retry-After")).isEqualTo("30");
			assertThat(response.json().get("retry_after").asLong()).isEqualTo(30);
			assertThat(response.json().get("error").asString()).isEqualTo("rate_limit_exceeded");
		}

		@Test
		void delayOfTheExceptionWinsOverTheReset() {
			Http.Response response = this.http.get("/limited-with-delay");
			assertThat(response.header("Retry-After")).isEqualTo("5");
			assertThat(response.header("RateLimit")).isEqualTo("\"default\";r=0;t=30");
			assertThat(response.header("RateLimit-Policy")).isEqualTo("\"default\";q=100");
		}

		@Test
		void successfulResponseCarriesTheSameHeadersThroughTheHelper() {
			Http.Response response = this.http.get("/ok");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("RateLimit")).isEqualTo("\"default\";r=99;t=59");
			assertThat(response.header("RateLimit-Policy")).isEqualTo("\"default\";q=100");
		}

		@Test
		void bucket4jRejectionIsA429WithTheBucketsState() {
			this.http.get("/bucket");
			Http.Response second = this.http.get("/bucket");
			assertThat(second.status()).isEqualTo(200);
			assertThat(second.header("RateLimit")).startsWith("\"default\";r=0;t=");
			Http.Response refused = this.http.get("/bucket");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.json().get("error").asString()).isEqualTo("rate_limit_exceeded");
			assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"default\";q=2");
			assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
		}

		@Test
		void resilience4jRejectionCarriesTheLimitersPolicy() {
			this.http.get("/resilience");
			Http.Response refused = this.http.get("/resilience");
			assertThat(refused.status()).isEqualTo(429);
			assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"search\";q=1;w=60");
			assertThat(refused.header("RateLimit")).isEqualTo("\"search\";r=0;t=60");
			assertThat(refused.header("Retry-After")).isEqualTo("60");
		}

	}

	@Nested
	@SpringBootTest(classes = RateLimitApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "api.errors.rate-limit.headers=x-rate-limit")
	class XRateLimitHeaders {

		@LocalServerPort
		int port;

		@Test
		void exhaustedLimitIsSentAsXRateLimitHeaders() {
			Http.Response response = new Http(this.port).get("/limited");
			assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
			assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
			long reset = Long.parseLong(response.header("X-RateLimit-Reset"));
			long now = System.currentTimeMillis() / 1000;
			assertThat(reset).isBetween(now + 25, now + 35);
			assertThat(response.header("RateLimit")).isNull();
			assertThat(response.header("Retry-After")).isEqualTo("30");
		}

	}

	@Nested
	@SpringBootTest(classes = RateLimitApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "api.errors.rate-limit.headers=none")
	class NoHeaders {

		@LocalServerPort
		int port;

		@Test
		void noRateLimitHeadersButRetryAfterStays() {
			Http.Response response = new Http(this.port).get("/limited");
			assertThat(response.header("RateLimit")).isNull();
			assertThat(response.header("X-RateLimit-Limit")).isNull();
			assertThat(response.header("Retry-After")).isEqualTo("30");
		}

	}


}
