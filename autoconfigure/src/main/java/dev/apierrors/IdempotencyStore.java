package dev.apierrors;

import java.time.Duration;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Where idempotency keys and the responses to replay are kept: an in-memory store for a single instance is the
 * default, a Redis store is used when Spring Data Redis is configured, and a bean of this type replaces both.
 *
 * <p>A key goes through three states: absent, reserved by the one request that executes it, and completed with
 * the response to replay. {@link #reserve} moves a key from absent to reserved in one atomic step, so that of any
 * number of concurrent requests with one key, on any number of instances sharing the store, exactly one executes.
 * A reservation that is neither completed nor released (its instance crashed) expires after its lease. Methods
 * throw a {@link RuntimeException} when the store cannot be reached; requests are then answered
 * {@code 503 idempotency_store_unavailable} and not executed.
 */
public interface IdempotencyStore {

	/**
	 * Reserve a key for the request with the given fingerprint, or return what the store holds for it.
	 * @param key the key, already scoped to the principal
	 * @param fingerprint the fingerprint of the request, compared with that of later requests with the same key
	 * @param lease how long the reservation holds when it is neither completed nor released
	 * @return a {@link Reserved} reservation held by the caller, or the {@link InProgress} or {@link Completed}
	 * entry another request made
	 */
	Entry reserve(String key, String fingerprint, Duration lease);

	/**
	 * Replace a reservation with the response to replay; nothing is stored when the reservation is no longer held
	 * (its lease ran out and the key was reserved again).
	 * @param reservation the reservation returned by {@link #reserve}
	 * @param response the response to replay
	 * @param expiry how long the response is replayed
	 * @return whether the response was stored
	 */
	boolean complete(Reserved reservation, StoredResponse response, Duration expiry);

	/**
	 * Give up a reservation so that a retry executes the request; nothing happens when it is no longer held.
	 * @param reservation the reservation returned by {@link #reserve}
	 */
	void release(Reserved reservation);

	/**
	 * What {@link #reserve} finds for a key.
	 */
	sealed interface Entry permits Reserved, InProgress, Completed {

		/**
		 * Return the fingerprint of the request that reserved the key.
		 * @return the fingerprint
		 */
		String fingerprint();

	}

	/**
	 * A reservation held by the caller of {@link #reserve}, which executes the request.
	 *
	 * @param key the reserved key
	 * @param fingerprint the fingerprint of the request
	 * @param token what tells this reservation from a later one of the same key
	 */
	record Reserved(String key, String fingerprint, String token) implements Entry {
	}

	/**
	 * A key reserved by another request that is still running.
	 *
	 * @param fingerprint the fingerprint of that request
	 */
	record InProgress(String fingerprint) implements Entry {
	}

	/**
	 * A key whose first request completed, with the response to replay.
	 *
	 * @param fingerprint the fingerprint of that request
	 * @param response the response to replay
	 */
	record Completed(String fingerprint, StoredResponse response) implements Entry {
	}

	/**
	 * A response as the first request produced it: status, the headers the application set, and the body.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers, read-only
	 * @param body the body bytes
	 */
	record StoredResponse(int status, HttpHeaders headers, byte[] body) {

		/**
		 * Create a stored response, copying the headers and the body.
		 * @param status the HTTP status
		 * @param headers the response headers
		 * @param body the body bytes
		 */
		public StoredResponse {
			headers = HttpHeaders.readOnlyHttpHeaders(HttpHeaders.copyOf(headers));
			body = body.clone();
		}

		/**
		 * Return a copy of the body bytes.
		 * @return the body
		 */
		@Override
		public byte[] body() {
			return this.body.clone();
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return (this == other) || (other instanceof StoredResponse that && this.status == that.status
					&& this.headers.equals(that.headers) && Arrays.equals(this.body, that.body));
		}

		@Override
		public int hashCode() {
			return 31 * (31 * this.status + this.headers.hashCode()) + Arrays.hashCode(this.body);
		}

		@Override
		public String toString() {
			return "StoredResponse[status=" + this.status + ", headers=" + this.headers.headerNames() + ", body="
					+ this.body.length + " bytes]";
		}

	}

}
