package dev.apierrors.it.idempotency;

import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.ConflictException;
import dev.apierrors.Idempotent;
import dev.apierrors.RateLimitedException;
import dev.apierrors.it.TestBearerTokenFilter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A service with idempotent endpoints that count how often they run, behind Spring Security with the test
 * bearer tokens ({@code Bearer user}, {@code Bearer admin}; anonymous calls are allowed).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ IdempotencyApplication.PaymentController.class, IdempotencyApplication.RefundController.class,
		IdempotencyApplication.TransferController.class })
public class IdempotencyApplication {

	static final String KEY = "Idempotency-Key";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		http.csrf((csrf) -> csrf.disable());
		http.addFilterBefore(new TestBearerTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	Executions executions() {
		return new Executions();
	}

	/**
	 * How often each endpoint ran for each key, and gates that hold a running request until a test opens them.
	 */
	public static class Executions {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();

		private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

		int record(String endpoint, String key) {
			return this.counts.computeIfAbsent(endpoint + " " + key, (name) -> new AtomicInteger()).incrementAndGet();
		}

		public int count(String endpoint, String key) {
			AtomicInteger count = this.counts.get(endpoint + " " + key);
			return (count != null) ? count.get() : 0;
		}

		void hold(String key) throws InterruptedException {
			this.entered.computeIfAbsent(key, (name) -> new CountDownLatch(1)).countDown();
			if (!gate(key).await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never opened the gate of " + key);
			}
		}

		public boolean awaitEntered(String key) throws InterruptedException {
			return this.entered.computeIfAbsent(key, (name) -> new CountDownLatch(1)).await(10, TimeUnit.SECONDS);
		}

		public void open(String key) {
			gate(key).countDown();
		}

		private CountDownLatch gate(String key) {
			return this.gates.computeIfAbsent(key, (name) -> new CountDownLatch(1));
		}

	}

	@RestController
	@RequestMapping("/idem")
	static class PaymentController {

		private final Executions executions;

		PaymentController(Executions executions) {
			this.executions = executions;
		}

		@PostMapping("/payments")
		@Idempotent
		ResponseEntity<Map<String, Object>> pay(@RequestHeader(KEY) String key, @RequestBody Map<String, Object> payment,
				Principal principal, HttpServletResponse response) {
			int execution = this.executions.record("payments", key);
			String id = UUID.randomUUID().toString();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id);
			body.put("amount", payment.get("amount"));
			body.put("owner", (principal != null) ? principal.getName() : null);
			body.put("execution", execution);
			response.addHeader("Set-Cookie", "visit=" + id + "; Path=/");
			return ResponseEntity.status(HttpStatus.CREATED)
				.header("Location", "/idem/payments/" + id)
				.header("X-Payment-Trace", "trace-" + execution)
				.header("Access-Control-Allow-Origin", "https://first.example")
				.body(body);
		}

		@PatchMapping("/payments/{id}")
		@Idempotent
		Map<String, Object> update(@RequestHeader(KEY) String key, @PathVariable String id,
				@RequestBody Map<String, Object> changes) {
			return Map.of("id", id, "changes", changes, "execution", this.executions.record("patch", key));
		}

		@PostMapping("/slow")
		@Idempotent
		Map<String, Object> slow(@RequestHeader(KEY) String key) throws InterruptedException {
			int execution = this.executions.record("slow", key);
			this.executions.hold(key);
			return Map.of("execution", execution);
		}

		@PostMapping("/concurrent")
		@Idempotent
		ResponseEntity<Map<String, Object>> concurrent(@RequestHeader(KEY) String key, @RequestBody String body)
				throws InterruptedException {
			int execution = this.executions.record("concurrent", key);
			Thread.sleep(200);
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(Map.of("id", UUID.randomUUID().toString(), "execution", execution));
		}

		@PostMapping("/optional")
		@Idempotent(required = false)
		Map<String, Object> optional(@RequestHeader(name = KEY, required = false) String key) {
			return Map.of("execution", this.executions.record("optional", String.valueOf(key)));
		}

		@PostMapping("/short-lived")
		@Idempotent(expiry = "2s")
		Map<String, Object> shortLived(@RequestHeader(KEY) String key) {
			return Map.of("execution", this.executions.record("short-lived", key));
		}

		@PostMapping("/flaky")
		@Idempotent
		Map<String, Object> flaky(@RequestHeader(KEY) String key) {
			int execution = this.executions.record("flaky", key);
			if (execution == 1) {
				throw new IllegalStateException("The payment provider timed out");
			}
			return Map.of("execution", execution);
		}

		@PostMapping("/already-paid")
		@Idempotent
		Map<String, Object> alreadyPaid(@RequestHeader(KEY) String key) {
			this.executions.record("already-paid", key);
			throw new ConflictException("order_already_paid", "The order is already paid.");
		}

		@PostMapping("/rate-limited")
		@Idempotent
		Map<String, Object> rateLimited(@RequestHeader(KEY) String key) {
			this.executions.record("rate-limited", key);
			throw new RateLimitedException("Slow down.", Duration.ofSeconds(3));
		}

		@PostMapping("/async")
		@Idempotent
		Callable<Map<String, Object>> async(@RequestHeader(KEY) String key) {
			return () -> Map.of("id", UUID.randomUUID().toString(), "execution", this.executions.record("async", key));
		}

		@PostMapping(path = "/form", consumes = "application/x-www-form-urlencoded")
		@Idempotent
		Map<String, Object> form(@RequestHeader(KEY) String key, @RequestParam String amount) {
			return Map.of("amount", amount, "execution", this.executions.record("form", key));
		}

		@PostMapping(path = "/upload", consumes = "multipart/form-data")
		@Idempotent
		Map<String, Object> upload(@RequestHeader(KEY) String key, @RequestParam MultipartFile file,
				@RequestParam String note) {
			return Map.of("file", String.valueOf(file.getOriginalFilename()), "size", file.getSize(), "note", note,
					"execution", this.executions.record("upload", key));
		}

		@PostMapping("/plain")
		Map<String, Object> plain(@RequestHeader(name = KEY, required = false) String key) {
			return Map.of("execution", this.executions.record("plain", String.valueOf(key)));
		}

		@PostMapping("/empty")
		@Idempotent
		ResponseEntity<Void> empty(@RequestHeader(KEY) String key) {
			this.executions.record("empty", key);
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}

	}

	/**
	 * Not annotated: its paths take keys through {@code api.errors.idempotency.paths}.
	 */
	@RestController
	static class RefundController {

		private final Executions executions;

		RefundController(Executions executions) {
			this.executions = executions;
		}

		@PostMapping("/configured/refunds")
		Map<String, Object> refund(@RequestHeader(name = KEY, required = false) String key) {
			return Map.of("execution", this.executions.record("refunds", String.valueOf(key)));
		}

	}

	/**
	 * Annotated as a whole: every POST and PATCH handler takes keys.
	 */
	@RestController
	@Idempotent
	static class TransferController {

		private final Executions executions;

		TransferController(Executions executions) {
			this.executions = executions;
		}

		@PostMapping("/idem/transfers")
		Map<String, Object> transfer(@RequestHeader(KEY) String key) {
			return Map.of("execution", this.executions.record("transfers", key));
		}

	}

}
