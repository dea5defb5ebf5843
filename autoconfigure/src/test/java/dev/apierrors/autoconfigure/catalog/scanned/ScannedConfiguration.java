package dev.apierrors.autoconfigure.catalog.scanned;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCode;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An application package with an error-code enum and an annotated exception, which the catalog finds.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScannedConfiguration {

	enum ScannedCode implements ApiErrorCode {

		SCANNED_ENUM_CODE;

		@Override
		public HttpStatusCode status() {
			return HttpStatus.CONFLICT;
		}

		@Override
		public String message() {
			return "Scanned.";
		}

	}

	@ApiError(status = HttpStatus.GONE, code = "scanned_annotated_code")
	static class ScannedException extends RuntimeException {

	}

	/** Answers the status's own code, which the catalog already has. */
	@ApiError(status = HttpStatus.GONE)
	static class PlainGoneException extends RuntimeException {

	}

}
