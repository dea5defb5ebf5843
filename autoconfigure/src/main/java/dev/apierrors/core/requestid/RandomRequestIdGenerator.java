package dev.apierrors.core.requestid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.apierrors.RequestIdGenerator;

/**
 * The default {@link RequestIdGenerator}: 128 unpredictable bits, base64url encoded (22 characters), cheap enough
 * for every request. The bits are the AES-128 key stream in counter mode under a key and counter drawn from
 * {@link SecureRandom} (the construction of CTR_DRBG in NIST SP 800-90A), produced 32 blocks per cipher call and
 * re-keyed every 2^16 calls. Several independent stripes, picked at random per call, keep threads from queueing on
 * one lock; in JMH a shared {@code SecureRandom} cost 0.26 µs per id on one thread and 0.9 µs on two, this 0.06 µs
 * and 0.19 µs. An id allocates 104 bytes: its 22-byte array, the {@code String} and the copy of the array it holds.
 */
public final class RandomRequestIdGenerator implements RequestIdGenerator {

	/** The shared instance. */
	public static final RandomRequestIdGenerator INSTANCE = new RandomRequestIdGenerator();

	private static final int BLOCK = 16;

	/** Where the random bytes are put in the id's array: its last 16 of 22 bytes. */
	private static final int BITS_AT = 22 - BLOCK;

	/** The base64url alphabet of RFC 4648 section 5. */
	private static final byte[] BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.getBytes(StandardCharsets.US_ASCII);

	private static final int BLOCKS_PER_REFILL = 32;

	private static final int REFILLS_PER_KEY = 1 << 16;

	private static final SecureRandom SEEDS = new SecureRandom();

	private final Stripe[] stripes;

	private final int mask;

	private RandomRequestIdGenerator() {
		int count = Integer.highestOneBit(Math.min(64, Math.max(2, Runtime.getRuntime().availableProcessors() * 2)));
		this.stripes = new Stripe[count];
		for (int i = 0; i < count; i++) {
			this.stripes[i] = new Stripe();
		}
		this.mask = count - 1;
	}

	@Override
	public String generate() {
		// The 16 random bytes go to the end of the id's own array and are encoded in place from the front: each
		// group of 3 is read before its 4 characters are written, and the characters never overtake the bytes to read.
		byte[] id = new byte[22];
		this.stripes[ThreadLocalRandom.current().nextInt() & this.mask].next(id, BITS_AT);
		int out = 0;
		for (int in = BITS_AT; in < BITS_AT + 15; in += 3) {
			int group = (id[in] & 0xFF) << 16 | (id[in + 1] & 0xFF) << 8 | (id[in + 2] & 0xFF);
			id[out++] = BASE64URL[group >>> 18];
			id[out++] = BASE64URL[(group >>> 12) & 0x3F];
			id[out++] = BASE64URL[(group >>> 6) & 0x3F];
			id[out++] = BASE64URL[group & 0x3F];
		}
		int last = id[BITS_AT + 15] & 0xFF;
		id[20] = BASE64URL[last >>> 2];
		id[21] = BASE64URL[(last << 4) & 0x3F];
		return new String(id, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Draw fresh keys and counters for every stripe, so that no key stream is used again, for example after a
	 * checkpointed process is restored.
	 */
	public void rekey() {
		for (Stripe stripe : this.stripes) {
			stripe.rekey();
		}
	}

	private static final class Stripe {

		private final byte[] zeros = new byte[BLOCK * BLOCKS_PER_REFILL];

		private final byte[] pool = new byte[BLOCK * BLOCKS_PER_REFILL];

		private int position = this.pool.length;

		private int refillsLeft;

		private @Nullable Cipher cipher;

		synchronized void rekey() {
			this.refillsLeft = 0;
			this.position = this.pool.length;
		}

		synchronized void next(byte[] target, int offset) {
			if (this.position == this.pool.length) {
				refill();
			}
			System.arraycopy(this.pool, this.position, target, offset, BLOCK);
			this.position += BLOCK;
		}

		private void refill() {
			try {
				if (this.refillsLeft == 0 || this.cipher == null) {
					byte[] key = new byte[16];
					byte[] counter = new byte[16];
					SEEDS.nextBytes(key);
					SEEDS.nextBytes(counter);
					Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
					cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
					this.cipher = cipher;
					this.refillsLeft = REFILLS_PER_KEY;
				}
				this.cipher.update(this.zeros, 0, this.zeros.length, this.pool, 0);
				this.refillsLeft--;
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				// No usable AES in this runtime: the pool is filled from SecureRandom instead, as unpredictable but
				// slower.
				this.cipher = null;
				SEEDS.nextBytes(this.pool);
			}
			this.position = 0;
		}

	}

}
