package dev.apierrors.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.InProgress;
import dev.apierrors.IdempotencyStore.Reserved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link InMemoryIdempotencyStore}: the store contract, and its bounds.
 */
class InMemoryIdempotencyStoreTests extends IdempotencyStoreContractTests {

	private final MutableClock clock = new MutableClock();

	private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(100, this.clock);

	@Override
	IdempotencyStore store() {
		return this.store;
	}

	@Override
	void advance(Duration time) {
		this.clock.now = this.clock.now.plus(time);
	}

	@Override
	Duration shortTime() {
		return Duration.ofSeconds(1);
	}

	@Test
	void fullStoreEvictsTheOldestCompletedResponse() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(2, this.clock);
		small.complete((Reserved) small.reserve("a", "fa", LEASE), RESPONSE, EXPIRY);
		small.complete((Reserved) small.reserve("b", "fb", LEASE), RESPONSE, EXPIRY);
		assertThat(small.reserve("c", "fc", LEASE)).isInstanceOf(Reserved.class);
		assertThat(small.size()).isEqualTo(2);
		assertThat(small.reserve("b", "fb", LEASE)).isEqualTo(new Completed("fb", RESPONSE));
		assertThat(small.reserve("c", "fc", LEASE)).isEqualTo(new InProgress("fc"));
	}

	@Test
	void fullStoreEvictsExpiredEntriesFirst() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(2, this.clock);
		small.reserve("crashed", "f", Duration.ofSeconds(1));
		small.complete((Reserved) small.reserve("kept", "f", LEASE), RESPONSE, EXPIRY);
		advance(Duration.ofSeconds(2));
		assertThat(small.reserve("new", "f", LEASE)).isInstanceOf(Reserved.class);
		assertThat(small.reserve("kept", "f", LEASE)).isEqualTo(new Completed("f", RESPONSE));
	}

	@Test
	void runningRequestsAreNeverEvicted() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(2, this.clock);
		small.reserve("a", "f", LEASE);
		small.reserve("b", "f", LEASE);
		assertThatIllegalStateException().isThrownBy(() -> small.reserve("c", "f", LEASE))
			.withMessageContaining("still running");
		assertThat(small.reserve("a", "f", LEASE)).isEqualTo(new InProgress("f"));
		assertThat(small.reserve("b", "f", LEASE)).isEqualTo(new InProgress("f"));
	}

	@Test
	void completedEntryMovesBehindOlderOnes() {
		InMemoryIdempotencyStore small = new InMemoryIdempotencyStore(2, this.clock);
		Reserved first = (Reserved) small.reserve("first", "f", LEASE);
		small.complete((Reserved) small.reserve("second", "f", LEASE), RESPONSE, EXPIRY);
		small.complete(first, RESPONSE, EXPIRY);
		small.reserve("third", "f", LEASE);
		// "second" completed before "first" did, so it went first.
		assertThat(small.reserve("first", "f", LEASE)).isInstanceOf(Completed.class);
		assertThat(small.reserve("second", "f", LEASE)).isInstanceOf(Reserved.class);
	}

	@Test
	void sizeMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryIdempotencyStore(0, this.clock));
	}

	static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
