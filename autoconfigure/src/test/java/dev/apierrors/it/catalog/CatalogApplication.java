package dev.apierrors.it.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCode;
import dev.apierrors.ApiErrorResponses;
import dev.apierrors.ConflictException;
import dev.apierrors.Idempotent;
import dev.apierrors.NotFoundException;
import dev.apierrors.RateLimitedException;
import dev.apierrors.it.TestBearerTokenFilter;
import dev.apierrors.it.catalogextra.PartnerError;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that declares its codes every way the catalog reads: an {@link ApiErrorCode} enum in its
 * package, a bean listing codes, an {@code @ApiError} and a {@code @ResponseStatus} exception, a configured
 * mapping; with URL rules and method security for the OpenAPI documentation of 401 and 403.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import(CatalogApplication.LibraryController.class)
public class CatalogApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/library/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/library/members/**")
			.authenticated()
			.anyRequest()
			.permitAll());
		http.csrf((csrf) -> csrf.disable());
		http.addFilterBefore(new TestBearerTokenFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	/** Codes declared as a bean, as a service that keeps them in a shared module would. */
	@Bean
	List<ApiErrorCode> sharedCodes() {
		return List.of(SharedCode.INSTANCE);
	}

	enum LibraryError implements ApiErrorCode {

		BOOK_NOT_FOUND(HttpStatus.NOT_FOUND, "No such book.", "No book has the id in the path."),

		BOOK_ON_LOAN(HttpStatus.CONFLICT, "The book is on loan.", "Another member has the book.");

		private final HttpStatus status;

		private final String message;

		private final String description;

		LibraryError(HttpStatus status, String message, String description) {
			this.status = status;
			this.message = message;
			this.description = description;
		}

		@Override
		public HttpStatusCode status() {
			return this.status;
		}

		@Override
		public String message() {
			return this.message;
		}

		@Override
		public String description() {
			return this.description;
		}

	}

	static final class SharedCode implements ApiErrorCode {

		static final SharedCode INSTANCE = new SharedCode();

		@Override
		public String code() {
			return "library_closed";
		}

		@Override
		public HttpStatusCode status() {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}

		@Override
		public String message() {
			return "The library is closed.";
		}

		@Override
		public String description() {
			return "Outside opening hours.";
		}

	}

	@ApiError(status = HttpStatus.GONE, code = "book_withdrawn", description = "The book was withdrawn for good.")
	static class BookWithdrawnException extends RuntimeException {

		BookWithdrawnException(String message) {
			super(message);
		}

	}

	@ResponseStatus(code = HttpStatus.PAYMENT_REQUIRED, reason = "Pay the fine first.")
	static class FineDueException extends RuntimeException {

	}

	/** Mapped in configuration (api.errors.mappings) to 423 shelf_locked. */
	static class ShelfLockedException extends RuntimeException {

	}

	record NewLoan(@NotBlank String member, @Max(30) int days) {
	}

	@RestController
	@RequestMapping("/library")
	static class LibraryController {

		@GetMapping("/books/{id}")
		@ApiErrorResponses("book_not_found")
		String book(@PathVariable long id) {
			throw new NotFoundException(LibraryError.BOOK_NOT_FOUND, "No book has id " + id + ".");
		}

		@GetMapping("/books/{id}/withdrawn")
		String withdrawn(@PathVariable String id) throws BookWithdrawnException, FineDueException {
			throw new BookWithdrawnException("Book " + id + " was withdrawn.");
		}

		@GetMapping("/fine")
		String fine() throws FineDueException {
			throw new FineDueException();
		}

		@GetMapping("/shelf")
		@ApiErrorResponses(exceptions = ShelfLockedException.class)
		String shelf() {
			throw new ShelfLockedException();
		}

		@GetMapping(path = "/search", produces = "application/json")
		@ApiResponse(responseCode = "404", description = "Nothing matched: the application's own documentation.")
		String search() throws RateLimitedException {
			throw new RateLimitedException("Too many searches.", java.time.Duration.ofSeconds(5));
		}

		@PostMapping("/members/loans")
		@Idempotent(required = false)
		@ApiErrorResponses("book_on_loan")
		String loan(@Valid @RequestBody NewLoan loan) {
			throw new ConflictException(LibraryError.BOOK_ON_LOAN, "The book is on loan until Friday.");
		}

		@GetMapping("/admin/report")
		String report() {
			return "report";
		}

		@GetMapping("/audit")
		@PreAuthorize("hasRole('ADMIN')")
		String audit() {
			return "audit";
		}

		@GetMapping("/undeclared")
		String undeclared() {
			throw new ConflictException("stock_exhausted", "No copies are left.");
		}

		@GetMapping("/partner")
		String partner() {
			throw new ConflictException(PartnerError.PARTNER_QUOTA_USED, "The partner quota is used up.");
		}

	}

}
