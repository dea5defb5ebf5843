package dev.apierrors.core.resolve;

import org.jspecify.annotations.Nullable;

/**
 * Maps an exception class, and its subclasses, to a status, code and optional fixed client message.
 *
 * @param exception the exception class
 * @param status the HTTP status, from 400 to 599
 * @param code the stable snake_case error code, or {@code null} for the status's default code
 * @param message the client message, or {@code null} for the status's default message
 */
public record ExceptionMapping(Class<? extends Throwable> exception, int status, @Nullable String code,
		@Nullable String message) {
}
