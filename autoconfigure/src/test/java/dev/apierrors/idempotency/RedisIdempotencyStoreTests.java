package dev.apierrors.idempotency;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore;
import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.InProgress;
import dev.apierrors.IdempotencyStore.Reserved;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Tests for {@link RedisIdempotencyStore} against a real Redis server (see {@link TestRedis}): the store contract,
 * and what sharing one Redis means.
 */
class RedisIdempotencyStoreTests extends IdempotencyStoreContractTests {

	private LettuceConnectionFactory connectionFactory;

	private RedisIdempotencyStore store;

	private String prefix;

	@BeforeEach
	void connect() {
		this.connectionFactory = connectionFactory(TestRedis.port());
		this.prefix = "test:" + System.nanoTime() + ":";
		this.store = new RedisIdempotencyStore(this.connectionFactory, this.prefix);
	}

	@AfterEach
	void disconnect() {
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
	}

	static LettuceConnectionFactory connectionFactory(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	@Override
	IdempotencyStore store() {
		return this.store;
	}

	@Override
	void advance(Duration time) throws InterruptedException {
		Thread.sleep(time.toMillis());
	}

	@Override
	Duration shortTime() {
		return Duration.ofMillis(200);
	}

	@Test
	void keysLiveUnderThePrefixAndExpireInRedis() {
		String key = key();
		Reserved reserved = (Reserved) this.store.reserve(key, "f1", LEASE);
		StringRedisTemplate redis = new StringRedisTemplate(this.connectionFactory);
		assertThat(redis.hasKey(this.prefix + key)).isTrue();
		assertThat(redis.getExpire(this.prefix + key)).isBetween(LEASE.toSeconds() - 5, LEASE.toSeconds());
		this.store.complete(reserved, RESPONSE, EXPIRY);
		assertThat(redis.getExpire(this.prefix + key)).isBetween(EXPIRY.toSeconds() - 5, EXPIRY.toSeconds());
		this.store.release(reserved);
		assertThat(redis.hasKey(this.prefix + key)).isTrue();
	}

	@Test
	void twoInstancesSeeEachOthersKeys() {
		LettuceConnectionFactory otherConnection = connectionFactory(TestRedis.port());
		try {
			RedisIdempotencyStore other = new RedisIdempotencyStore(otherConnection, this.prefix);
			String key = key();
			Reserved reserved = (Reserved) this.store.reserve(key, "f1", LEASE);
			assertThat(other.reserve(key, "f1", LEASE)).isEqualTo(new InProgress("f1"));
			this.store.complete(reserved, RESPONSE, EXPIRY);
			assertThat(other.reserve(key, "f1", LEASE)).isEqualTo(new Completed("f1", RESPONSE));
		}
		finally {
			otherConnection.destroy();
		}
	}

	@Test
	void storesWithDifferentPrefixesDoNotShareKeys() {
		RedisIdempotencyStore other = new RedisIdempotencyStore(this.connectionFactory, this.prefix + "other:");
		String key = key();
		this.store.reserve(key, "f1", LEASE);
		assertThat(other.reserve(key, "f1", LEASE)).isInstanceOf(Reserved.class);
	}

	@Test
	void unreachableRedisFailsFast() {
		LettuceConnectionFactory nowhere = connectionFactory(TestRedis.freePort());
		try {
			RedisIdempotencyStore unreachable = new RedisIdempotencyStore(nowhere);
			long start = System.nanoTime();
			assertThatRuntimeException().isThrownBy(() -> unreachable.reserve(key(), "f1", LEASE));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			nowhere.destroy();
		}
	}

}
