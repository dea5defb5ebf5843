package dev.apierrors.core.catalog;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCode;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * One code of the error catalog: the code, the status it is answered with, its default client message, a
 * one-line description and where it was declared.
 *
 * @param code the stable snake_case code
 * @param status the HTTP status, from 400 to 599
 * @param message the default client message
 * @param description when the error happens; empty when nobody said
 * @param source where the code was declared
 */
public record ErrorCodeEntry(String code, int status, String message, String description, Source source) {

	/**
	 * Create an entry, checking the code and the status.
	 * @param code the stable snake_case code
	 * @param status the HTTP status, from 400 to 599
	 * @param message the default client message
	 * @param description when the error happens; empty when nobody said
	 * @param source where the code was declared
	 * @throws IllegalArgumentException if the code is no snake_case code or the status no error status
	 */
	public ErrorCodeEntry {
		if (!ApiErrorCode.isValidCode(code)) {
			throw new IllegalArgumentException("Error code must be snake_case: " + code);
		}
		if (!ErrorCatalog.isError(status)) {
			throw new IllegalArgumentException("Error code " + code + " has status " + status + ", not 400 to 599");
		}
		message = (message != null) ? message : "";
		description = (description != null) ? description : "";
	}

	/**
	 * Create the entry of a code the application declares.
	 * @param code the declared code
	 * @param source where it was found
	 * @return the entry
	 */
	public static ErrorCodeEntry of(ApiErrorCode code, Source source) {
		return new ErrorCodeEntry(code.code(), code.status().value(), code.message(), code.description(), source);
	}

	/**
	 * Create the entry of a code built into the starter.
	 * @param code the code
	 * @param status the status
	 * @param message the default client message
	 * @param description when the error happens
	 * @return the entry
	 */
	public static ErrorCodeEntry builtIn(String code, int status, String message, String description) {
		return new ErrorCodeEntry(code, status, message, description, Source.BUILT_IN);
	}

	/**
	 * Return the entry of an exception class annotated with {@code @ApiError} or {@code @ResponseStatus}.
	 * @param type the exception class
	 * @param statuses the default codes of the statuses
	 * @return the entry, or {@code null} when the class has neither or answers no error status
	 */
	public static @Nullable ErrorCodeEntry forExceptionClass(Class<?> type, ErrorCatalog statuses) {
		ApiError apiError = AnnotatedElementUtils.findMergedAnnotation(type, ApiError.class);
		if (apiError != null) {
			int status = apiError.status().value();
			String code = apiError.code().isEmpty() ? statuses.code(status) : apiError.code();
			String message = apiError.message().isBlank() ? statuses.message(status) : apiError.message();
			String description = apiError.description().isBlank() ? "Answers " + type.getSimpleName() + "."
					: apiError.description();
			return ErrorCatalog.isError(status) && ApiErrorCode.isValidCode(code)
					? new ErrorCodeEntry(code, status, message, description, Source.API_ERROR) : null;
		}
		ResponseStatus responseStatus = AnnotatedElementUtils.findMergedAnnotation(type, ResponseStatus.class);
		if (responseStatus != null && ErrorCatalog.isError(responseStatus.code().value())) {
			int status = responseStatus.code().value();
			String reason = responseStatus.reason();
			return new ErrorCodeEntry(statuses.code(status), status,
					(reason.isBlank() || status >= 500) ? statuses.message(status) : reason,
					"Answers " + type.getSimpleName() + ".", Source.RESPONSE_STATUS);
		}
		return null;
	}

	/**
	 * Where a code was declared.
	 */
	public enum Source {

		/** A code of the starter's own rules (framework and library errors). */
		BUILT_IN,

		/** The default code of a status. */
		STATUS,

		/** An entry of {@code api.errors.mappings}. */
		CONFIGURATION,

		/** An exception class annotated with {@code @ApiError}. */
		API_ERROR,

		/** An exception class annotated with Spring's {@code @ResponseStatus}. */
		RESPONSE_STATUS,

		/** An {@link ApiErrorCode} the application declares (a bean, or an enum in its packages). */
		APPLICATION,

		/** An {@link ApiErrorCode} first seen on an exception at run time. */
		RUN_TIME;

		/**
		 * Return the name shown in the published catalog, such as {@code built-in}.
		 * @return the name
		 */
		public String displayName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
