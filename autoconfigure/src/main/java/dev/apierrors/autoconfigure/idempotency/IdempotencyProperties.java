package dev.apierrors.autoconfigure.idempotency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of idempotency keys, under {@code api.errors.idempotency}.
 */
@ConfigurationProperties("api.errors.idempotency")
public class IdempotencyProperties {

	/**
	 * Create an instance with the defaults.
	 */
	public IdempotencyProperties() {
	}

	/**
	 * Whether POST and PATCH requests of @Idempotent handlers and of the configured paths take an Idempotency-Key.
	 */
	private boolean enabled = true;

	/**
	 * Path patterns, as in @RequestMapping, whose POST and PATCH requests take an Idempotency-Key even though
	 * their handler is not annotated with @Idempotent; none when unset.
	 */
	private List<String> paths = new ArrayList<>();

	/**
	 * Whether POST and PATCH requests to the configured paths without an Idempotency-Key are refused.
	 */
	private boolean required = true;

	/**
	 * How long a completed response is replayed to retries with the same key, unless @Idempotent says otherwise.
	 */
	private Duration expiry = Duration.ofHours(24);

	/**
	 * Largest body of a request with an Idempotency-Key, which is read into memory to be fingerprinted.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	/**
	 * Where keys and the responses to replay are kept: "redis" when a Redis connection is configured unless
	 * "memory" is chosen.
	 */
	private Store store = Store.AUTO;

	private final InProgress inProgress = new InProgress();

	private final Memory memory = new Memory();

	private final Redis redis = new Redis();

	/**
	 * {@return whether POST and PATCH requests of {@code @Idempotent} handlers and of the configured paths take an
	 * Idempotency-Key}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether POST and PATCH requests of {@code @Idempotent} handlers and of the configured paths take an
	 * Idempotency-Key.
	 * @param enabled the new value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * {@return the path patterns, as in {@code @RequestMapping}, whose POST and PATCH requests take an Idempotency-Key
	 * even though their handler is not annotated with {@code @Idempotent}; none when unset}
	 */
	public List<String> getPaths() {
		return this.paths;
	}

	/**
	 * Set the path patterns, as in {@code @RequestMapping}, whose POST and PATCH requests take an Idempotency-Key even
	 * though their handler is not annotated with {@code @Idempotent}; none when unset.
	 * @param paths the new value
	 */
	public void setPaths(List<String> paths) {
		this.paths = paths;
	}

	/**
	 * {@return whether POST and PATCH requests to the configured paths without an Idempotency-Key are refused}
	 */
	public boolean isRequired() {
		return this.required;
	}

	/**
	 * Set whether POST and PATCH requests to the configured paths without an Idempotency-Key are refused.
	 * @param required the new value
	 */
	public void setRequired(boolean required) {
		this.required = required;
	}

	/**
	 * {@return how long a completed response is replayed to retries with the same key, unless {@code @Idempotent} says
	 * otherwise}
	 */
	public Duration getExpiry() {
		return this.expiry;
	}

	/**
	 * Set how long a completed response is replayed to retries with the same key, unless {@code @Idempotent} says
	 * otherwise.
	 * @param expiry the new value
	 */
	public void setExpiry(Duration expiry) {
		this.expiry = expiry;
	}

	/**
	 * {@return the largest body of a request with an Idempotency-Key, which is read into memory to be fingerprinted}
	 */
	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * Set the largest body of a request with an Idempotency-Key, which is read into memory to be fingerprinted.
	 * @param maxBodySize the new value
	 */
	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	/**
	 * {@return where keys and the responses to replay are kept: "redis" when a Redis connection is configured unless
	 * "memory" is chosen}
	 */
	public Store getStore() {
		return this.store;
	}

	/**
	 * Set where keys and the responses to replay are kept: "redis" when a Redis connection is configured unless
	 * "memory" is chosen.
	 * @param store the new value
	 */
	public void setStore(Store store) {
		this.store = store;
	}

	/**
	 * {@return the settings of keys whose first request is still running}
	 */
	public InProgress getInProgress() {
		return this.inProgress;
	}

	/**
	 * {@return the settings of the in-memory store}
	 */
	public Memory getMemory() {
		return this.memory;
	}

	/**
	 * {@return the settings of the Redis store}
	 */
	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * Where keys are kept.
	 */
	public enum Store {

		/**
		 * Redis when a Redis connection is configured, memory otherwise.
		 */
		AUTO,

		/**
		 * The memory of each instance.
		 */
		MEMORY,

		/**
		 * Redis, shared by every instance; startup fails without a Redis connection.
		 */
		REDIS

	}

	/**
	 * Settings of keys whose first request is still running.
	 */
	public static class InProgress {

		/**
		 * Create an instance with the defaults.
		 */
		public InProgress() {
		}

		/**
		 * Retry-After of the 409 answered to a retry that arrives while the first request with its key runs.
		 */
		private Duration retryAfter = Duration.ofSeconds(1);

		/**
		 * How long a key stays in use when its first request never ends, as when the instance running it crashes;
		 * must be longer than the slowest request.
		 */
		private Duration lease = Duration.ofMinutes(5);

		/**
		 * {@return the Retry-After of the 409 answered to a retry that arrives while the first request with its key
		 * runs}
		 */
		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		/**
		 * Set the Retry-After of the 409 answered to a retry that arrives while the first request with its key runs.
		 * @param retryAfter the new value
		 */
		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		/**
		 * {@return how long a key stays in use when its first request never ends, as when the instance running it
		 * crashes; must be longer than the slowest request}
		 */
		public Duration getLease() {
			return this.lease;
		}

		/**
		 * Set how long a key stays in use when its first request never ends, as when the instance running it crashes;
		 * must be longer than the slowest request.
		 * @param lease the new value
		 */
		public void setLease(Duration lease) {
			this.lease = lease;
		}

	}

	/**
	 * Settings of the in-memory store.
	 */
	public static class Memory {

		/**
		 * Create an instance with the defaults.
		 */
		public Memory() {
		}

		/**
		 * Most keys the in-memory store holds; the oldest completed ones make room for new keys.
		 */
		private int maxEntries = 10_000;

		/**
		 * {@return the most keys the in-memory store holds; the oldest completed ones make room for new keys}
		 */
		public int getMaxEntries() {
			return this.maxEntries;
		}

		/**
		 * Set the most keys the in-memory store holds; the oldest completed ones make room for new keys.
		 * @param maxEntries the new value
		 */
		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

	/**
	 * Settings of the Redis store.
	 */
	public static class Redis {

		/**
		 * Create an instance with the defaults.
		 */
		public Redis() {
		}

		/**
		 * Prefix of the Redis keys, so that several services can share one Redis.
		 */
		private String keyPrefix = "api-errors:idempotency:";

		/**
		 * {@return the prefix of the Redis keys, so that several services can share one Redis}
		 */
		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		/**
		 * Set the prefix of the Redis keys, so that several services can share one Redis.
		 * @param keyPrefix the new value
		 */
		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

}
