package dev.apierrors.sample;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
 * Public user directory: typed 404, bean validation (422), an annotated domain exception (409) and a
 * constrained query parameter.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final Map<Long, User> users = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	UserController() {
		create(new NewUser("Alice", "alice@example.com", 34));
		create(new NewUser("Bob", "bob@example.com", 29));
	}

	@GetMapping
	Collection<User> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.users.values().stream().limit(limit).toList();
	}

	@GetMapping("/{id}")
	@ApiErrorResponses("user_not_found")
	User get(@PathVariable long id) {
		User user = this.users.get(id);
		if (user == null) {
			throw new NotFoundException(ShopError.USER_NOT_FOUND, "No user has id " + id + ".");
		}
		return user;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ApiErrorResponses(exceptions = DuplicateEmailException.class)
	User create(@Valid @RequestBody NewUser request) {
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
