package dev.apierrors.idempotency;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.InProgress;
import dev.apierrors.IdempotencyStore.StoredResponse;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link StoredEntries}, the bytes a shared store keeps.
 */
class StoredEntriesTests {

	@Test
	void completedResponseReadsBackUnchanged() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("Location", "/payments/7");
		headers.add("X-Trace", "one");
		headers.add("X-Trace", "two");
		byte[] body = "{\"id\":7,\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
		StoredResponse response = new StoredResponse(201, headers, body);
		assertThat(StoredEntries.read(StoredEntries.completed("sha256:abc", response)))
			.isEqualTo(new Completed("sha256:abc", response));
	}

	@Test
	void emptyBodyReadsBack() {
		StoredResponse response = new StoredResponse(204, new HttpHeaders(), new byte[0]);
		assertThat(StoredEntries.read(StoredEntries.completed("f", response))).isEqualTo(new Completed("f", response));
	}

	@Test
	void reservationReadsAsInProgressWithoutItsToken() {
		assertThat(StoredEntries.read(StoredEntries.inProgress("sha256:abc", "token-1")))
			.isEqualTo(new InProgress("sha256:abc"));
	}

	@Test
	void reservationsOfTwoHoldersDiffer() {
		assertThat(StoredEntries.inProgress("f", "token-1")).isNotEqualTo(StoredEntries.inProgress("f", "token-2"));
	}

	@Test
	void unknownFormatIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> StoredEntries.read(new byte[] { 'X', 1 }));
		assertThatIllegalStateException().isThrownBy(() -> StoredEntries.read(new byte[] { 'C', 9 }));
		assertThatIllegalStateException().isThrownBy(() -> StoredEntries.read(new byte[] { 'C' }));
	}

}
