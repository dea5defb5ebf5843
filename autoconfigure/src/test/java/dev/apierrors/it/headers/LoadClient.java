package dev.apierrors.it.headers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a bounded number of requests to 127.0.0.1 with a bounded number in flight, and collects each response's
 * status, request id header and body.
 */
final class LoadClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final int inFlight;

	LoadClient(int port, int inFlight) {
		this.port = port;
		this.inFlight = inFlight;
	}

	List<Result> run(int count, IntFunction<Call> calls, String idHeader) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			HttpClient client = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.executor(executor)
				.build();
			Semaphore permits = new Semaphore(this.inFlight);
			List<CompletableFuture<Result>> futures = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				Call call = calls.apply(i);
				HttpRequest.Builder request = HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + call.path()))
					.timeout(Duration.ofSeconds(30));
				if (call.incomingId() != null) {
					request.header(idHeader, call.incomingId());
				}
				permits.acquire();
				futures.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
					.whenComplete((response, failure) -> permits.release())
					.thenApply((response) -> new Result(call, response.statusCode(),
							response.headers().firstValue(idHeader).orElse(null), response.body())));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
			return futures.stream().map(CompletableFuture::join).toList();
		}
		finally {
			executor.shutdownNow();
		}
	}

	record Call(String path, String incomingId) {
	}

	record Result(Call call, int status, String headerId, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
