package dev.apierrors.it.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.apierrors.it.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the same keyed request from many threads at once, spread over one or more servers, and sorts the
 * answers: the one execution, replays of it, and retries refused while it ran.
 */
final class ConcurrentRetries {

	private ConcurrentRetries() {
	}

	static Outcome send(int requests, String path, String key, String body, int... ports) throws Exception {
		List<Http> clients = new ArrayList<>();
		for (int port : ports) {
			clients.add(new Http(port));
		}
		ExecutorService executor = Executors.newFixedThreadPool(requests);
		try {
			CountDownLatch ready = new CountDownLatch(requests);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Http.Response>> responses = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				Http client = clients.get(i % clients.size());
				responses.add(executor.submit(() -> {
					ready.countDown();
					start.await();
					return client.send("POST", path, body, "Content-Type", "application/json", "Idempotency-Key", key);
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			Outcome outcome = new Outcome();
			for (Future<Http.Response> future : responses) {
				outcome.add(future.get(30, TimeUnit.SECONDS));
			}
			return outcome;
		}
		finally {
			executor.shutdownNow();
		}
	}

	static final class Outcome {

		final List<Http.Response> executed = new ArrayList<>();

		final List<Http.Response> replayed = new ArrayList<>();

		final List<Http.Response> inUse = new ArrayList<>();

		final List<Http.Response> other = new ArrayList<>();

		void add(Http.Response response) {
			if (response.status() == 409 && response.body().contains("\"idempotency_key_in_use\"")) {
				this.inUse.add(response);
			}
			else if ("true".equals(response.header("Idempotent-Replayed"))) {
				this.replayed.add(response);
			}
			else if (response.status() / 100 == 2) {
				this.executed.add(response);
			}
			else {
				this.other.add(response);
			}
		}

		@Override
		public String toString() {
			return this.executed.size() + " executed, " + this.replayed.size() + " replayed, " + this.inUse.size()
					+ " refused as in use (409), " + this.other.size() + " other";
		}

	}

}
