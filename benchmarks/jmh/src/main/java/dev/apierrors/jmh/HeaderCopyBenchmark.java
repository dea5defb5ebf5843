package dev.apierrors.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.apierrors.core.http.HeaderPolicy;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * The headers of an error response, built and handed to a writer one by one, as every error path does: held in
 * {@code HttpHeaders} and iterated with its {@code forEach} (the baseline, which builds a case-insensitive copy of
 * the names first), against the plain case-insensitive map the header policy returns.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeaderCopyBenchmark {

	private static final String REQUEST_ID = "q2xYjW0cT9mB4rKf1uVz8A";

	@Benchmark
	public void httpHeadersForEach(Blackhole sink) {
		HttpHeaders headers = new HttpHeaders();
		fill(headers);
		headers.forEach((name, values) -> copy(name, values, sink));
	}

	@Benchmark
	public void plainMapForEach(Blackhole sink) {
		MultiValueMap<String, String> rendered = HeaderPolicy.newHeaders();
		fill(new HttpHeaders(rendered));
		rendered.forEach((name, values) -> copy(name, values, sink));
	}

	private static void fill(HttpHeaders headers) {
		headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
		headers.set("X-Request-Id", REQUEST_ID);
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.set("X-Content-Type-Options", "nosniff");
	}

	private static void copy(String name, List<String> values, Blackhole sink) {
		sink.consume(name);
		for (String value : values) {
			sink.consume(value);
		}
	}

}
