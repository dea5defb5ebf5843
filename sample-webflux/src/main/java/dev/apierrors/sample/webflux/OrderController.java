package dev.apierrors.sample.webflux;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import dev.apierrors.ApiErrorResponses;
import dev.apierrors.ConflictException;
import dev.apierrors.ForbiddenException;
import dev.apierrors.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders belong to their owner: another user's order is answered as a plain 404 (concealment); paying twice is a
 * 409; the admin list and the revenue report need a role (401 for anonymous callers, 403 for users).
 * <p>
 * In WebFlux the OpenAPI documentation cannot ask Security's URL rules which operations need a caller, so the
 * class declares the 401 of its routes; the report's {@code @PreAuthorize} documents its 401 and 403 by itself.
 * The caller is resolved by Security, not sent as a parameter: springdoc is told to leave it out.
 */
@RestController
@ApiErrorResponses("authentication_required")
class OrderController {

	private final Map<Long, Order> orders = new ConcurrentHashMap<>(Map.of(1L, new Order(1, "alice", "OPEN", 4200),
			2L, new Order(2, "bob", "PAID", 1999)));

	@GetMapping("/api/orders/{id}")
	@ApiErrorResponses(exceptions = NotFoundException.class)
	Mono<Order> get(@PathVariable long id, @Parameter(hidden = true) Mono<Principal> principal) {
		return principal.map((caller) -> owned(id, caller.getName()));
	}

	@PostMapping("/api/orders/{id}/payment")
	@ApiErrorResponses(value = "order_already_paid", exceptions = NotFoundException.class)
	Mono<Order> pay(@PathVariable long id, @Parameter(hidden = true) Mono<Principal> principal) {
		return principal.map((caller) -> {
			Order order = owned(id, caller.getName());
			if (order.status().equals("PAID")) {
				throw new ConflictException(ShopError.ORDER_ALREADY_PAID, "Order " + id + " is already paid.");
			}
			Order paid = new Order(order.id(), order.owner(), "PAID", order.cents());
			this.orders.put(id, paid);
			return paid;
		});
	}

	@GetMapping("/api/reports/revenue")
	@PreAuthorize("hasRole('ADMIN')")
	Mono<Map<String, Object>> revenue() {
		return Mono.fromSupplier(() -> Map.of("cents", this.orders.values().stream().mapToLong(Order::cents).sum()));
	}

	@GetMapping("/api/admin/orders")
	@ApiErrorResponses("forbidden")
	List<Order> all() {
		return List.copyOf(this.orders.values());
	}

	private Order owned(long id, String caller) {
		Order order = this.orders.get(id);
		if (order == null) {
			throw new NotFoundException("No order has id " + id + ".");
		}
		if (!order.owner().equals(caller)) {
			throw new ForbiddenException("Order " + id + " belongs to " + order.owner() + ".").concealAsNotFound();
		}
		return order;
	}

	record Order(long id, String owner, String status, long cents) {
	}

}
