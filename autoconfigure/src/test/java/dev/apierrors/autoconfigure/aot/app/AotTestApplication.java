package dev.apierrors.autoconfigure.aot.app;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCode;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The application whose package the processors scan, with the exceptions it throws and its error codes.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class AotTestApplication {

	/** Package-private, as an application's code enum often is. */
	enum ShelfError implements ApiErrorCode {

		SHELF_FULL, SHELF_LOCKED;

		@Override
		public HttpStatusCode status() {
			return HttpStatus.CONFLICT;
		}

		@Override
		public String message() {
			return "The shelf cannot take it.";
		}

	}

	@ApiError(status = HttpStatus.CONFLICT, code = "duplicate_order")
	public static class DuplicateOrderException extends RuntimeException {

	}

	@ResponseStatus(HttpStatus.GONE)
	public static class RetiredException extends RuntimeException {

	}

	@ApiError(status = HttpStatus.PAYMENT_REQUIRED)
	public abstract static class BillingException extends RuntimeException {

	}

	public static class QuotaException extends BillingException {

	}

	public static class Outer {

		public static class MappedException extends RuntimeException {

		}

	}

	public static class PlainException extends RuntimeException {

	}

	@ApiError(status = HttpStatus.BAD_REQUEST)
	public static class NotAnException {

	}

}
