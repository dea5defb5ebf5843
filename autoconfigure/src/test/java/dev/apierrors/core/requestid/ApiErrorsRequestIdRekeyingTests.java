package dev.apierrors.core.requestid;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ApiErrorsRequestIdRekeying}: what Spring's checkpoint support does to it (stop before the
 * checkpoint, start after the restore) leaves nothing of the key streams in the image to be handed out again. The
 * ids "pending in the image" are the unused blocks of each stripe's key stream: exactly the ids that every process
 * restored from the image would hand out next if nothing re-keyed.
 */
class ApiErrorsRequestIdRekeyingTests {

	private final RandomRequestIdGenerator generator = RandomRequestIdGenerator.INSTANCE;

	private final ApiErrorsRequestIdRekeying lifecycle = new ApiErrorsRequestIdRekeying(this.generator);

	@Test
	void withoutARestartTheNextIdsAreThosePendingInTheImage() {
		generate(1000);
		Set<String> pending = pendingIds();
		List<String> next = generate(20);
		// Ids come from stripes picked at random, and a stripe whose pool runs out draws a fresh block, so how many
		// of the next ids were pending varies; that any was is what a restored image would replay.
		assertThat(next).filteredOn(pending::contains).isNotEmpty();
	}

	@Test
	void idsDrawnAfterTheRestoreAreNoneOfThosePendingInTheImage() {
		this.lifecycle.start();
		generate(1000);
		this.lifecycle.stop();
		// A request answered between the stop and the checkpoint draws a new key, which ends up in the image too.
		generate(50);
		Set<String> pending = pendingIds();
		Set<Object> ciphersInTheImage = ciphers();
		assertThat(pending).isNotEmpty();
		this.lifecycle.start();
		List<String> afterRestore = generate(5000);
		assertThat(afterRestore).doesNotContainAnyElementsOf(pending);
		assertThat(ciphers()).doesNotContainAnyElementsOf(ciphersInTheImage);
		assertThat(this.lifecycle.isRunning()).isTrue();
	}

	@Test
	void stoppingBeforeTheCheckpointLeavesNoPendingIds() {
		generate(1000);
		this.lifecycle.stop();
		assertThat(pendingIds()).isEmpty();
		assertThat(this.lifecycle.isRunning()).isFalse();
	}

	@Test
	void startsBeforeEveryOtherLifecycleBean() {
		assertThat(this.lifecycle.getPhase()).isEqualTo(Integer.MIN_VALUE);
		assertThat(this.lifecycle.isAutoStartup()).isTrue();
	}

	private List<String> generate(int count) {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(this.generator.generate());
		}
		return ids;
	}

	private Object[] stripes() {
		return (Object[]) ReflectionTestUtils.getField(this.generator, "stripes");
	}

	private Set<String> pendingIds() {
		Set<String> pending = new HashSet<>();
		for (Object stripe : stripes()) {
			synchronized (stripe) {
				byte[] pool = (byte[]) ReflectionTestUtils.getField(stripe, "pool");
				int position = (int) ReflectionTestUtils.getField(stripe, "position");
				for (int block = position; block + 16 <= pool.length; block += 16) {
					byte[] bits = new byte[16];
					System.arraycopy(pool, block, bits, 0, 16);
					pending.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
				}
			}
		}
		return pending;
	}

	private Set<Object> ciphers() {
		Set<Object> ciphers = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Object stripe : stripes()) {
			synchronized (stripe) {
				Object cipher = ReflectionTestUtils.getField(stripe, "cipher");
				if (cipher != null) {
					ciphers.add(cipher);
				}
			}
		}
		return ciphers;
	}

}
