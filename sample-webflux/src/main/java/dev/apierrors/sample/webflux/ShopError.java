package dev.apierrors.sample.webflux;

import dev.apierrors.ApiErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The service's own error codes, declared once with their status, default message and description, as in the
 * Spring MVC sample: typed exceptions take them, so code and status cannot disagree, and the error catalog (the
 * {@code errorcodes} actuator endpoint and the OpenAPI documentation) finds the enum in the application's packages.
 */
enum ShopError implements ApiErrorCode {

	USER_NOT_FOUND(HttpStatus.NOT_FOUND, "No such user.", "No user has the id in the path."),

	ORDER_ALREADY_PAID(HttpStatus.CONFLICT, "The order is already paid.",
			"The order was paid before; paying it again is refused."),

	PRODUCT_NOT_FOUND(HttpStatus.NOT_FOUND, "No such product.", "No product of the catalog has the SKU in the path.");

	private final HttpStatus status;

	private final String message;

	private final String description;

	ShopError(HttpStatus status, String message, String description) {
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
