package dev.apierrors.core.requestid;

import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the ids {@link RandomRequestIdGenerator} generates.
 */
class RandomRequestIdGeneratorTests {

	@Test
	void generatedIdIsCanonicalBase64UrlOf128Bits() {
		for (int i = 0; i < 1000; i++) {
			String id = RandomRequestIdGenerator.INSTANCE.generate();
			assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
			byte[] bits = Base64.getUrlDecoder().decode(id);
			assertThat(bits).hasSize(16);
			assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(bits)).isEqualTo(id);
			assertThat(RequestIds.isValid(id)).isTrue();
		}
	}

	@Test
	void generatedIdsAreDistinctAcrossThreads() throws InterruptedException {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			executor.execute(() -> {
				for (int i = 0; i < 25_000; i++) {
					ids.add(RandomRequestIdGenerator.INSTANCE.generate());
				}
			});
		}
		executor.shutdown();
		assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void everyBitOfTheIdVaries() {
		int[] ones = new int[128];
		int samples = 4000;
		for (int i = 0; i < samples; i++) {
			byte[] bits = Base64.getUrlDecoder().decode(RandomRequestIdGenerator.INSTANCE.generate());
			for (int bit = 0; bit < 128; bit++) {
				ones[bit] += (bits[bit / 8] >> (7 - bit % 8)) & 1;
			}
		}
		for (int bit = 0; bit < 128; bit++) {
			// Each bit is set about half of the time: 2000 expected, far outside this band only if broken.
			assertThat(ones[bit]).as("bit %d", bit).isBetween(1700, 2300);
		}
	}

	@Test
	void rekeyingStartsFreshKeyStreams() {
		Set<String> before = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < 2000; i++) {
			before.add(RandomRequestIdGenerator.INSTANCE.generate());
		}
		RandomRequestIdGenerator.INSTANCE.rekey();
		for (int i = 0; i < 2000; i++) {
			assertThat(before.add(RandomRequestIdGenerator.INSTANCE.generate())).isTrue();
		}
	}

	@Test
	void requestIdsHonourOnlyOneValidIncomingValue() {
		RequestIds ids = new RequestIds("X-Request-Id", () -> "generated-id");
		assertThat(ids.idFor("client-id-1", false)).isEqualTo("client-id-1");
		assertThat(ids.idFor("client-id-1", true)).isEqualTo("generated-id");
		assertThat(ids.idFor("bad id", false)).isEqualTo("generated-id");
		assertThat(ids.idFor(null, false)).isEqualTo("generated-id");
	}

	@Test
	void invalidOrFailingGeneratorsFallBackToRandomIds() {
		assertThat(new RequestIds("X-Request-Id", () -> "not valid!").newId()).hasSize(22);
		assertThat(new RequestIds("X-Request-Id", () -> {
			throw new IllegalStateException("broken");
		}).newId()).hasSize(22);
	}

}
