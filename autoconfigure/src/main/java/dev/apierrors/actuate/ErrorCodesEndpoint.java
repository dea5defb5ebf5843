package dev.apierrors.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.catalog.ErrorCodeRegistry;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code errorcodes} actuator endpoint: every error code the application can answer with, its status,
 * default message, description and documentation link, ordered by status and code; {@code /errorcodes/{code}}
 * answers one code.
 */
@Endpoint(id = "errorcodes")
public final class ErrorCodesEndpoint {

	private final ErrorCodeRegistry registry;

	private final ErrorBodyEncoder encoder;

	/**
	 * Create the endpoint.
	 * @param registry the error catalog
	 * @param encoder the body encoder, whose type base gives each code's documentation link
	 */
	public ErrorCodesEndpoint(ErrorCodeRegistry registry, ErrorBodyEncoder encoder) {
		this.registry = registry;
		this.encoder = encoder;
	}

	/**
	 * Return the whole catalog.
	 * @return every code
	 */
	@ReadOperation
	public ErrorCodesDescriptor errorCodes() {
		return new ErrorCodesDescriptor(this.registry.entries().stream().map(this::describe).toList());
	}

	/**
	 * Return one code.
	 * @param code the code
	 * @return its description, or {@code null} (a 404) when the catalog does not know it
	 */
	@ReadOperation
	public @Nullable ErrorCodeDescriptor errorCode(@Selector String code) {
		ErrorCodeEntry entry = this.registry.find(code);
		return (entry != null) ? describe(entry) : null;
	}

	private ErrorCodeDescriptor describe(ErrorCodeEntry entry) {
		return new ErrorCodeDescriptor(entry.code(), entry.status(), entry.message(), entry.description(),
				this.encoder.documentation(entry.code()), entry.source().displayName());
	}

	/**
	 * The catalog.
	 *
	 * @param codes every code, ordered by status and code
	 */
	public record ErrorCodesDescriptor(List<ErrorCodeDescriptor> codes) implements OperationResponseBody {
	}

	/**
	 * One code.
	 *
	 * @param code the stable snake_case code
	 * @param status the HTTP status it is answered with
	 * @param message its default client message
	 * @param description when it happens
	 * @param docs its documentation link ({@code api.errors.type-base} followed by the code), or {@code null}
	 * @param source where it was declared, such as {@code built-in}, {@code application} or {@code configuration}
	 */
	public record ErrorCodeDescriptor(String code, int status, String message, String description,
			@Nullable String docs, String source) implements OperationResponseBody {
	}

}
