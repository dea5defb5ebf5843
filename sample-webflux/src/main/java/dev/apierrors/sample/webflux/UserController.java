package dev.apierrors.sample.webflux;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorResponses;
import dev.apierrors.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public user directory: typed 404, bean validation (422), an annotated domain exception (409) and a constrained
 * query parameter, with reactive return types.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final Map<Long, User> users = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	UserController() {
		save(new NewUser("Alice", "alice@example.com", 34));
		save(new NewUser("Bob", "bob@example.com", 29));
	}

	@GetMapping
	Flux<User> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return Flux.fromIterable(this.users.values()).take(limit);
	}

	@GetMapping("/{id}")
	@ApiErrorResponses("user_not_found")
	Mono<User> get(@PathVariable long id) {
		return Mono.justOrEmpty(this.users.get(id))
			.switchIfEmpty(Mono.error(() -> new NotFoundException(ShopError.USER_NOT_FOUND, "No user has id " + id + ".")));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiErrorResponses(exceptions = DuplicateEmailException.class)
	Mono<User> create(@Valid @RequestBody NewUser request) {
		return Mono.fromCallable(() -> save(request));
	}

	private User save(NewUser request) {
		boolean taken = this.users.values().stream().anyMatch((user) -> user.email().equalsIgnoreCase(request.email()));
		if (taken) {
			throw new DuplicateEmailException("A user with this email address already exists.");
		}
		User user = new User(this.ids.incrementAndGet(), request.name(), request.email(), request.age());
		this.users.put(user.id(), user);
		return user;
	}

	record User(long id, String name, String email, int age) {
	}

	record NewUser(@NotBlank @Size(max = 80) String name, @NotBlank @Email String email, @Min(18) int age) {
	}

	/** A domain exception of the application's own, mapped with an annotation. */
	@ApiError(status = HttpStatus.CONFLICT, code = "duplicate_email",
			description = "Another user already has this email address.")
	static class DuplicateEmailException extends RuntimeException {

		DuplicateEmailException(String message) {
			super(message);
		}

	}

}
