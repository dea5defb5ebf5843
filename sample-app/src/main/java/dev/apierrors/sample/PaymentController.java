package dev.apierrors.sample;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.apierrors.Idempotent;
import dev.apierrors.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments, which must never be made twice: {@code POST /api/payments} needs an {@code Idempotency-Key}, so that a
 * client (or an AI agent) that retries after a timeout gets the first payment back instead of paying again. The
 * payment provider is simulated and takes {@code sample.payments.provider-delay}, long enough to see a retry
 * arrive while the first request runs.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

	private final Map<String, Payment> payments = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private final Duration providerDelay;

	PaymentController(@Value("${sample.payments.provider-delay:1s}") Duration providerDelay) {
		this.providerDelay = providerDelay;
	}

	@PostMapping
	@Idempotent
	ResponseEntity<Payment> pay(@Valid @RequestBody NewPayment payment, Principal principal)
			throws InterruptedException {
		// The call to the payment provider: the part a retry must not repeat.
		Thread.sleep(this.providerDelay.toMillis());
		String id = "pay_" + this.ids.incrementAndGet();
		Payment made = new Payment(id, principal.getName(), payment.amount(), payment.currency(), "succeeded");
		this.payments.put(id, made);
		return ResponseEntity.created(URI.create("/api/payments/" + id)).body(made);
	}

	@GetMapping("/{id}")
	Payment get(@PathVariable String id, Principal principal) {
		Payment payment = this.payments.get(id);
		if (payment == null || !payment.owner().equals(principal.getName())) {
			throw new NotFoundException("No payment has id " + id + ".");
		}
		return payment;
	}

	/**
	 * Return how many payments were made, which retries must not change.
	 */
	long count() {
		return this.ids.get();
	}

	/**
	 * A payment to make: the amount in the currency's smallest unit (cents), and an ISO 4217 currency code.
	 */
	record NewPayment(@Min(1) long amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
	}

	record Payment(String id, String owner, long amount, String currency, String status) {
	}

}
