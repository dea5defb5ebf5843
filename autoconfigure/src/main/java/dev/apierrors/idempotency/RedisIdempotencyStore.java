package dev.apierrors.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.apierrors.IdempotencyStore;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * An {@link IdempotencyStore} in Redis, shared by every instance of a service: each key is one Redis string that
 * expires with the reservation's lease or the response's expiry, and each step is a Lua script, so that a key is
 * reserved, completed or released atomically whichever instance asks.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

	/** The prefix of Redis keys unless told otherwise. */
	public static final String DEFAULT_KEY_PREFIX = "api-errors:idempotency:";

	private static final RedisScript<byte[]> RESERVE = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current then
				return current
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			return false
			""", byte[].class);

	private static final RedisScript<Long> COMPLETE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
				return 1
			end
			return 0
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0
			""", Long.class);

	private final RedisTemplate<String, byte[]> redis = new RedisTemplate<>();

	private final String keyPrefix;

	/**
	 * Create a store with keys under {@value #DEFAULT_KEY_PREFIX}.
	 * @param connectionFactory the connection to Redis
	 */
	public RedisIdempotencyStore(RedisConnectionFactory connectionFactory) {
		this(connectionFactory, DEFAULT_KEY_PREFIX);
	}

	/**
	 * Create a store.
	 * @param connectionFactory the connection to Redis
	 * @param keyPrefix what every Redis key starts with, so that several services can share one Redis
	 */
	public RedisIdempotencyStore(RedisConnectionFactory connectionFactory, String keyPrefix) {
		this.redis.setConnectionFactory(connectionFactory);
		this.redis.setKeySerializer(RedisSerializer.string());
		this.redis.setValueSerializer(RedisSerializer.byteArray());
		this.redis.afterPropertiesSet();
		this.keyPrefix = keyPrefix;
	}

	@Override
	public Entry reserve(String key, String fingerprint, Duration lease) {
		String token = UUID.randomUUID().toString();
		byte[] current = this.redis.execute(RESERVE, keys(key), StoredEntries.inProgress(fingerprint, token),
				millis(lease));
		return (current != null) ? StoredEntries.read(current) : new Reserved(key, fingerprint, token);
	}

	@Override
	public boolean complete(Reserved reservation, StoredResponse response, Duration expiry) {
		Long done = this.redis.execute(COMPLETE, keys(reservation.key()), reserved(reservation),
				StoredEntries.completed(reservation.fingerprint(), response), millis(expiry));
		return done != null && done == 1;
	}

	@Override
	public void release(Reserved reservation) {
		this.redis.execute(RELEASE, keys(reservation.key()), reserved(reservation));
	}

	private List<String> keys(String key) {
		return List.of(this.keyPrefix + key);
	}

	private static byte[] reserved(Reserved reservation) {
		return StoredEntries.inProgress(reservation.fingerprint(), reservation.token());
	}

	private static byte[] millis(Duration duration) {
		return Long.toString(Math.max(1, duration.toMillis())).getBytes(StandardCharsets.US_ASCII);
	}

}
