package dev.apierrors.autoconfigure.aot.app;

import dev.apierrors.ApiError;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The application whose package the processor scans, with the exceptions it throws.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class AotTestApplication {

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
