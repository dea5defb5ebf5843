package dev.apierrors.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.apierrors.IdempotencyStore;

/**
 * An {@link IdempotencyStore} in the memory of one instance, bounded and with expiry: the default for a service
 * that runs a single instance. Keys do not survive a restart and are not shared between instances; use the
 * {@link RedisIdempotencyStore} for that.
 *
 * <p>When the store is full, the oldest completed or expired entries make room; keys whose first request is
 * still running are never evicted, and a reservation that finds only those is refused with an
 * {@link IllegalStateException} (answered 503).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

	/** How many keys the store holds unless told otherwise. */
	public static final int DEFAULT_MAX_ENTRIES = 10_000;

	private final int maxEntries;

	private final Clock clock;

	private final AtomicLong tokens = new AtomicLong();

	/** Entries in the order they were reserved or completed, so that the head is the first to evict. */
	private final LinkedHashMap<String, Slot> slots = new LinkedHashMap<>();

	/**
	 * Create a store holding at most {@value #DEFAULT_MAX_ENTRIES} keys.
	 */
	public InMemoryIdempotencyStore() {
		this(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
	}

	/**
	 * Create a store.
	 * @param maxEntries the most keys the store holds, at least 1
	 * @param clock the clock that expiry is measured with
	 */
	public InMemoryIdempotencyStore(int maxEntries, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
		}
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public synchronized Entry reserve(String key, String fingerprint, Duration lease) {
		Instant now = this.clock.instant();
		Slot slot = this.slots.get(key);
		if (slot != null) {
			if (!slot.isExpired(now)) {
				return (slot.response != null) ? new Completed(slot.fingerprint, slot.response)
						: new InProgress(slot.fingerprint);
			}
			this.slots.remove(key);
		}
		makeRoom(now);
		Reserved reserved = new Reserved(key, fingerprint, Long.toString(this.tokens.incrementAndGet()));
		this.slots.put(key, new Slot(fingerprint, reserved.token(), null, now.plus(lease)));
		return reserved;
	}

	@Override
	public synchronized boolean complete(Reserved reservation, StoredResponse response, Duration expiry) {
		Instant now = this.clock.instant();
		if (!holds(reservation, now)) {
			return false;
		}
		// Removed and put again so that the entry moves to the tail: completed entries are evicted oldest first.
		this.slots.remove(reservation.key());
		this.slots.put(reservation.key(), new Slot(reservation.fingerprint(), null, response, now.plus(expiry)));
		return true;
	}

	@Override
	public synchronized void release(Reserved reservation) {
		if (holds(reservation, this.clock.instant())) {
			this.slots.remove(reservation.key());
		}
	}

	/**
	 * Return how many keys the store holds, expired ones that were not evicted yet included.
	 * @return the number of keys
	 */
	public synchronized int size() {
		return this.slots.size();
	}

	private boolean holds(Reserved reservation, Instant now) {
		Slot slot = this.slots.get(reservation.key());
		return slot != null && reservation.token().equals(slot.token) && !slot.isExpired(now);
	}

	/**
	 * Evict from the head (the oldest reservations and completions) until there is room: expired entries and
	 * completed ones, never keys whose request is still running.
	 */
	private void makeRoom(Instant now) {
		Iterator<Slot> slots = this.slots.values().iterator();
		while (this.slots.size() >= this.maxEntries && slots.hasNext()) {
			Slot slot = slots.next();
			if (slot.response != null || slot.isExpired(now)) {
				slots.remove();
			}
		}
		if (this.slots.size() >= this.maxEntries) {
			throw new IllegalStateException(
					"All " + this.maxEntries + " idempotency keys are held by requests that are still running");
		}
	}

	private static final class Slot {

		private final String fingerprint;

		private final @Nullable String token;

		private final @Nullable StoredResponse response;

		private final Instant deadline;

		Slot(String fingerprint, @Nullable String token, @Nullable StoredResponse response, Instant deadline) {
			this.fingerprint = fingerprint;
			this.token = token;
			this.response = response;
			this.deadline = deadline;
		}

		boolean isExpired(Instant now) {
			return !now.isBefore(this.deadline);
		}

	}

}
