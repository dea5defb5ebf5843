package dev.apierrors.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.ApiErrorResponses;
import dev.apierrors.BadGatewayException;
import dev.apierrors.GatewayTimeoutException;
import dev.apierrors.GoneException;
import dev.apierrors.RateLimit;
import dev.apierrors.RateLimitedException;
import dev.apierrors.ServiceUnavailableException;
import dev.apierrors.UnauthenticatedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * One endpoint per remaining kind of error, so each can be tried with curl.
 */
@RestController
@RequestMapping("/api/demo")
class DemoController {

	@GetMapping("/rate-limited")
	String rateLimited() throws RateLimitedException {
		throw new RateLimitedException("You have used your 100 searches for this minute.", Duration.ofSeconds(42))
			.withRateLimit(new RateLimit("searches", 100, 0, Duration.ofSeconds(42), Duration.ofMinutes(1)));
	}

	@GetMapping("/maintenance")
	String maintenance() throws ServiceUnavailableException {
		throw new ServiceUnavailableException("Down for maintenance until 03:00 UTC.");
	}

	@GetMapping("/upstream")
	String upstream() throws BadGatewayException {
		throw new BadGatewayException("The payment provider answered with an error.");
	}

	@GetMapping("/upstream-timeout")
	String upstreamTimeout() throws GatewayTimeoutException {
		throw new GatewayTimeoutException("The payment provider did not answer in time.");
	}

	@GetMapping("/gone")
	String gone() throws GoneException {
		throw new GoneException("Version 1 of this API was retired.");
	}

	@GetMapping("/expired-token")
	@ApiErrorResponses("invalid_token")
	String expiredToken() {
		throw new UnauthenticatedException("invalid_token", "The access token expired.");
	}

	@GetMapping("/crash")
	String crash() {
		throw new IllegalStateException("Connection to jdbc:postgresql://db.internal:5432/shop refused");
	}

	@GetMapping("/missing-item")
	@ApiErrorResponses(exceptions = NoSuchElementException.class)
	String missingItem() {
		throw new NoSuchElementException("item 17 not in cache shard 3");
	}

	@GetMapping("/export")
	@ApiErrorResponses("service_unavailable")
	String export() {
		throw new RejectedExecutionException("export pool exhausted (8 of 8 threads busy)");
	}

	@GetMapping("/legacy/{status}")
	void legacy(@PathVariable int status, HttpServletResponse response) throws IOException {
		response.sendError(status);
	}

	@GetMapping("/status")
	@ApiErrorResponses("payment_required")
	String status() {
		throw new ResponseStatusException(HttpStatus.PAYMENT_REQUIRED, "Your plan has expired.");
	}

	@GetMapping("/search")
	Map<String, Object> search(@RequestParam String q, @RequestHeader(name = "X-Tenant") String tenant) {
		return Map.of("q", q, "tenant", tenant);
	}

	@PostMapping("/upload")
	Map<String, Object> upload(@RequestParam("file") MultipartFile file) {
		return Map.of("bytes", file.getSize());
	}

	@GetMapping("/slow")
	Callable<String> slow() {
		return () -> {
			Thread.sleep(5_000);
			return "finished";
		};
	}

}
