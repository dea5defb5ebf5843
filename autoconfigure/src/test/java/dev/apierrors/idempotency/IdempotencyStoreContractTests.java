package dev.apierrors.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.Entry;
import dev.apierrors.IdempotencyStore.InProgress;
import dev.apierrors.IdempotencyStore.Reserved;
import dev.apierrors.IdempotencyStore.StoredResponse;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyStore} guarantees, run against each implementation.
 */
abstract class IdempotencyStoreContractTests {

	static final Duration LEASE = Duration.ofMinutes(5);

	static final Duration EXPIRY = Duration.ofHours(24);

	static final StoredResponse RESPONSE = new StoredResponse(201, headers(),
			"{\"id\":42}".getBytes(StandardCharsets.UTF_8));

	abstract IdempotencyStore store();

	/**
	 * Let the given time pass for the store.
	 */
	abstract void advance(Duration time) throws InterruptedException;

	/**
	 * Return a duration that is short for the store, but long enough to do a few calls within it.
	 */
	abstract Duration shortTime();

	String key() {
		return "~:" + UUID.randomUUID();
	}

	@Test
	void firstRequestReservesTheKey() {
		String key = key();
		Entry entry = store().reserve(key, "f1", LEASE);
		assertThat(entry).isInstanceOfSatisfying(Reserved.class, (reserved) -> {
			assertThat(reserved.key()).isEqualTo(key);
			assertThat(reserved.fingerprint()).isEqualTo("f1");
			assertThat(reserved.token()).isNotBlank();
		});
	}

	@Test
	void retryWhileTheFirstRunsFindsItInProgress() {
		String key = key();
		store().reserve(key, "f1", LEASE);
		assertThat(store().reserve(key, "f1", LEASE)).isEqualTo(new InProgress("f1"));
		assertThat(store().reserve(key, "f2", LEASE)).isEqualTo(new InProgress("f1"));
	}

	@Test
	void retryAfterCompletionFindsTheResponse() {
		String key = key();
		Reserved reserved = (Reserved) store().reserve(key, "f1", LEASE);
		assertThat(store().complete(reserved, RESPONSE, EXPIRY)).isTrue();
		assertThat(store().reserve(key, "f1", LEASE)).isEqualTo(new Completed("f1", RESPONSE));
		assertThat(store().reserve(key, "f2", LEASE)).isEqualTo(new Completed("f1", RESPONSE));
	}

	@Test
	void releasedKeyIsReservedAgain() {
		String key = key();
		Reserved first = (Reserved) store().reserve(key, "f1", LEASE);
		store().release(first);
		Entry again = store().reserve(key, "f2", LEASE);
		assertThat(again).isInstanceOf(Reserved.class);
		assertThat(((Reserved) again).token()).isNotEqualTo(first.token());
	}

	@Test
	void responseExpires() throws InterruptedException {
		String key = key();
		Reserved reserved = (Reserved) store().reserve(key, "f1", LEASE);
		store().complete(reserved, RESPONSE, shortTime());
		advance(shortTime().multipliedBy(2));
		assertThat(store().reserve(key, "f1", LEASE)).isInstanceOf(Reserved.class);
	}

	@Test
	void reservationOfACrashedRequestEndsWithItsLease() throws InterruptedException {
		String key = key();
		store().reserve(key, "f1", shortTime());
		advance(shortTime().multipliedBy(2));
		assertThat(store().reserve(key, "f1", LEASE)).isInstanceOf(Reserved.class);
	}

	@Test
	void lateCompletionDoesNotOverwriteANewerReservation() throws InterruptedException {
		String key = key();
		Reserved late = (Reserved) store().reserve(key, "f1", shortTime());
		advance(shortTime().multipliedBy(2));
		Reserved current = (Reserved) store().reserve(key, "f1", LEASE);
		assertThat(store().complete(late, RESPONSE, EXPIRY)).isFalse();
		store().release(late);
		assertThat(store().reserve(key, "f1", LEASE)).isEqualTo(new InProgress("f1"));
		assertThat(store().complete(current, RESPONSE, EXPIRY)).isTrue();
	}

	@Test
	void completingTwiceStoresOnce() {
		String key = key();
		Reserved reserved = (Reserved) store().reserve(key, "f1", LEASE);
		assertThat(store().complete(reserved, RESPONSE, EXPIRY)).isTrue();
		StoredResponse other = new StoredResponse(200, new HttpHeaders(), new byte[0]);
		assertThat(store().complete(reserved, other, EXPIRY)).isFalse();
		store().release(reserved);
		assertThat(store().reserve(key, "f1", LEASE)).isEqualTo(new Completed("f1", RESPONSE));
	}

	@Test
	void concurrentReservationsOfOneKeyHaveOneWinner() throws Exception {
		String key = key();
		int threads = 16;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Entry>> entries = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<Entry> reserve = () -> {
					start.await();
					return store().reserve(key, "f1", LEASE);
				};
				entries.add(executor.submit(reserve));
			}
			start.countDown();
			int reserved = 0;
			for (Future<Entry> entry : entries) {
				Entry result = entry.get(10, TimeUnit.SECONDS);
				if (result instanceof Reserved) {
					reserved++;
				}
				else {
					assertThat(result).isEqualTo(new InProgress("f1"));
				}
			}
			assertThat(reserved).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("Location", "/payments/42");
		return headers;
	}

}
