package dev.apierrors.idempotency;

import java.util.List;

import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

/**
 * Declares the codes of {@code Idempotency-Key} support for the error catalog; its errors are typed exceptions,
 * so it adds no rules.
 */
public final class IdempotencyErrorCodes implements ErrorRuleContributor {

	/**
	 * Create an instance.
	 */
	public IdempotencyErrorCodes() {
	}

	@Override
	public void contribute(ErrorRules rules) {
	}

	@Override
	public List<ErrorCodeEntry> errorCodes() {
		return List.of(
				ErrorCodeEntry.builtIn("idempotency_key_required", 400,
						"This request needs an Idempotency-Key header, so that a retry cannot execute it twice.",
						"The operation needs an Idempotency-Key header and the request has none."),
				ErrorCodeEntry.builtIn("idempotency_key_invalid", 400,
						"The Idempotency-Key header must be a single value of 1 to " + IdempotencyKeys.MAX_LENGTH
								+ " printable ASCII characters, "
								+ "bare or as a quoted string.",
						"The Idempotency-Key header is malformed or sent more than once."),
				ErrorCodeEntry.builtIn("idempotency_key_in_use", 409,
						"A request with this Idempotency-Key is still being processed; retry after it completes.",
						"A request with the same key is still running; retry after the Retry-After delay."),
				ErrorCodeEntry.builtIn("idempotency_key_reused", 422,
						"This Idempotency-Key was already used for a different request; use a new key for a new "
								+ "request.",
						"The key was already used with a different request (method, path or body)."),
				ErrorCodeEntry.builtIn("idempotency_body_too_large", 413,
						"A request with an Idempotency-Key can have a body of at most 1048576 bytes.",
						"The body of a keyed request exceeds api.errors.idempotency.max-body-size."),
				ErrorCodeEntry.builtIn("idempotency_store_unavailable", 503,
						"Idempotency keys cannot be checked right now; retry later with the same key.",
						"The store of idempotency keys (Redis) cannot be reached; the request was not executed."));
	}

}
