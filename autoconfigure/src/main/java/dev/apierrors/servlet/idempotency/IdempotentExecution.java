package dev.apierrors.servlet.idempotency;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.IdempotencyStore.Reserved;
import dev.apierrors.IdempotencyStore.StoredResponse;

/**
 * The first execution of a request under a key: when it ends, its response is stored to be replayed, or the key
 * is released so that a retry can execute.
 */
final class IdempotentExecution {

	private static final Log logger = LogFactory.getLog(IdempotencyInterceptor.class);

	private final IdempotencyStore store;

	private final Reserved reservation;

	private final Duration expiry;

	private final AtomicBoolean finished = new AtomicBoolean();

	IdempotentExecution(IdempotencyStore store, Reserved reservation, Duration expiry) {
		this.store = store;
		this.reservation = reservation;
		this.expiry = expiry;
	}

	/**
	 * Return whether a response with the given status can be replayed: success, redirection and client errors,
	 * except those that ask the client to do something and try again (401, 408, 425, 429).
	 */
	static boolean isReplayable(int status) {
		return status >= 200 && status < 500 && status != 401 && status != 408 && status != 425 && status != 429;
	}

	/**
	 * Store the captured response, or release the key when the response cannot be replayed.
	 */
	void completed(CapturingResponse response) {
		if (!this.finished.compareAndSet(false, true)) {
			return;
		}
		int status = response.getStatus();
		if (response.isErrorSent() || !isReplayable(status)) {
			release("the response was " + status);
			return;
		}
		StoredResponse stored = new StoredResponse(status, response.capturedHeaders(), response.capturedBody());
		try {
			if (!this.store.complete(this.reservation, stored, this.expiry)) {
				logger.warn("The response to idempotency key " + this.reservation.key()
						+ " was not stored: the key's lease ran out before the request completed");
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not store the response to idempotency key " + this.reservation.key()
					+ "; the key stays in use until its lease runs out", ex);
		}
	}

	/**
	 * Release the key of a request that failed.
	 */
	void failed(String reason) {
		if (this.finished.compareAndSet(false, true)) {
			release(reason);
		}
	}

	private void release(String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Released idempotency key " + this.reservation.key() + ": " + reason);
		}
		try {
			this.store.release(this.reservation);
		}
		catch (RuntimeException ex) {
			logger.error("Could not release idempotency key " + this.reservation.key()
					+ "; it stays in use until its lease runs out", ex);
		}
	}

}
