package dev.apierrors.sample;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Orders belong to their owner: another user's order is answered as a plain 404 (concealment); paying twice is
 * a 409; the admin report needs a role (401 for anonymous callers, 403 for users).
 */
@RestController
class OrderController {

	private final Map<Long, Order> orders = new ConcurrentHashMap<>(Map.of(1L, new Order(1, "alice", "OPEN", 4200),
			2L, new Order(2, "bob", "PAID", 1999)));

	@GetMapping("/api/orders/{id}")
	Order get(@PathVariable long id, Principal principal) throws NotFoundException {
		Order order = this.orders.get(id);
		if (order == null) {
			throw new NotFoundException("No order has id " + id + ".");
		}
		if (!order.owner().equals(principal.getName())) {
			throw new ForbiddenException("Order " + id + " belongs to " + order.owner() + ".").concealAsNotFound();
		}
		return order;
	}

	@PostMapping("/api/orders/{id}/payment")
	@ApiErrorResponses("order_already_paid")
	Order pay(@PathVariable long id, Principal principal) {
		Order order = get(id, principal);
		if (order.status().equals("PAID")) {
			throw new ConflictException(ShopError.ORDER_ALREADY_PAID, "Order " + id + " is already paid.");
		}
		Order paid = new Order(order.id(), order.owner(), "PAID", order.cents());
		this.orders.put(id, paid);
		return paid;
	}

	@GetMapping("/api/reports/revenue")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> revenue() {
		return Map.of("cents", this.orders.values().stream().mapToLong(Order::cents).sum());
	}

	@GetMapping("/api/admin/orders")
	List<Order> all() {
		return List.copyOf(this.orders.values());
	}

	record Order(long id, String owner, String status, long cents) {
	}

}
