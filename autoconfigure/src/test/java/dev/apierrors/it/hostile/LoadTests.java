package dev.apierrors.it.hostile;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of concurrent mixed requests in repeated rounds: every answer well-formed, every request id unique
 * and equal in header and body, no MDC entry carried from one request to the next, and no growth of threads or
 * heap from one round to the next.
 */
@HostileTest
class LoadTests {

	private static final int ROUNDS = 4;

	private static final int REQUESTS_PER_ROUND = 600;

	private static final int CONCURRENCY = 48;

	/** Path, method, credentials, expected status and code (null for a success). */
	private static final List<Shot> MIX = List.of(new Shot("GET", "/public/orders/1", null, 200, null),
			new Shot("GET", "/public/orders/7", null, 404, "not_found"),
			new Shot("GET", "/public/orders/typed-fields?count=3", null, 422, "validation_failed"),
			new Shot("GET", "/private/me", null, 401, "authentication_required"),
			new Shot("GET", "/private/me", "Bearer forged", 401, "authentication_required"),
			new Shot("GET", "/admin/stats", "Bearer user", 403, "forbidden"),
			new Shot("GET", "/private/me", "Bearer user", 200, null),
			new Shot("GET", "/public/orders/abc/def", null, 404, "not_found"),
			new Shot("POST", "/public/orders", null, 400, "invalid_json"),
			new Shot("POST", "/public/faults/leak", null, 500, "internal_error"));

	@LocalServerPort
	int port;

	@Test
	void concurrentMixedRoundsStayWellFormedUniqueAndBounded() throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Set<String> ids = ConcurrentHashMap.newKeySet();
		List<Integer> threads = new ArrayList<>();
		List<Long> heap = new ArrayList<>();
		int leakedBefore = HostileApplication.leakedMdc.get();
		for (int round = 0; round < ROUNDS; round++) {
			List<String> failures = runRound(client, ids);
			assertThat(failures).as("round %d", round).isEmpty();
			threads.add(liveThreads());
			heap.add(usedHeapAfterGc());
		}
		assertThat(ids).hasSize(ROUNDS * REQUESTS_PER_ROUND);
		assertThat(HostileApplication.leakedMdc.get()).isEqualTo(leakedBefore);
		// The first rounds warm pools (Tomcat's grows up to its 64 threads) and caches; a leak per request would
		// show as hundreds of threads or megabytes from one round to the next.
		assertThat(threads.get(ROUNDS - 1)).isLessThanOrEqualTo(threads.get(1) + 16);
		assertThat(heap.get(ROUNDS - 1)).isLessThan(heap.get(1) + 64L * 1024 * 1024);
	}

	private List<String> runRound(HttpClient client, Set<String> ids) throws Exception {
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		Semaphore permits = new Semaphore(CONCURRENCY);
		List<CompletableFuture<Void>> all = new ArrayList<>();
		for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
			Shot shot = MIX.get(i % MIX.size());
			permits.acquire();
			CompletableFuture<Void> done = client.sendAsync(shot.request(this.port), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
				.handle((response, failure) -> {
					permits.release();
					String problem = (failure != null) ? shot + ": " + failure : check(shot, response, ids);
					if (problem != null) {
						failures.add(problem);
					}
					return null;
				});
			all.add(done);
		}
		CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get();
		return failures;
	}

	private static String check(Shot shot, HttpResponse<String> response, Set<String> ids) {
		try {
			String header = response.headers().firstValue("X-Request-Id").orElse(null);
			if (response.statusCode() != shot.status() || header == null || !ids.add(header)) {
				return shot + ": status " + response.statusCode() + ", id " + header;
			}
			JsonNode json = new Http.Response(response.statusCode(), response.headers(), response.body()).json();
			if (shot.code() == null) {
				JsonNode seen = json.get("request_id");
				return (seen == null || seen.asString().equals(header)) ? null : shot + ": MDC held " + seen;
			}
			if (!json.get("error").asString().equals(shot.code()) || !json.get("request_id").asString().equals(header)
					|| !response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
				return shot + ": " + response.body();
			}
			return null;
		}
		catch (RuntimeException ex) {
			return shot + ": " + ex;
		}
	}

	private static int liveThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static long usedHeapAfterGc() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	record Shot(String method, String path, String authorization, int status, String code) {

		HttpRequest request(int port) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path()))
				.timeout(Duration.ofSeconds(30));
			if (method().equals("POST")) {
				builder.header("Content-Type", path().contains("faults") ? "text/plain" : "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(path().contains("faults") ? "SECRET under load" : "{oops"));
			}
			if (authorization() != null) {
				builder.header("Authorization", authorization());
			}
			return builder.build();
		}

	}

}
