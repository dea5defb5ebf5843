package dev.apierrors.servlet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.apierrors.ApiErrorDetails;
import dev.apierrors.NotFoundException;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Rendering an error: the body bytes alone, and the whole response (status, headers, body) written to a mock
 * response, for a typed 404 and a validation failure with three fields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {

	private static final String REQUEST_ID = "mTulFci4bQWQ4PxlHFPE0w";

	private ApiErrorRenderer renderer;

	private MockHttpServletRequest request;

	private MockHttpServletResponse response;

	private ApiErrorDetails notFound;

	private ApiErrorDetails invalid;

	@Setup
	public void setUp() throws Exception {
		RetryAfterPolicy retryAfter = new RetryAfterPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
				Duration.ofHours(1));
		ApiErrorResolver resolver = new ApiErrorResolver(Map.of(), List.of(), List.of(), retryAfter,
				FieldNames.IDENTITY);
		this.renderer = new ApiErrorRenderer(ApiErrorFormat.SIMPLE, null, "X-Request-Id", "Bearer", "", List.of(),
				new ErrorLogger(new LogPolicy(Map.of(), Map.of())));
		this.request = new MockHttpServletRequest("GET", "/items/0");
		this.request.setAttribute(RequestIds.ATTRIBUTE, REQUEST_ID);
		this.response = new MockHttpServletResponse();
		this.notFound = resolver.resolve(new NotFoundException("item_not_found", "Item 0 was not found."));
		this.invalid = resolver.resolve(ResolveBenchmark.newInvalidBody());
	}

	@Benchmark
	public byte[] bodyNotFound() {
		return this.renderer.body(this.request, this.notFound, REQUEST_ID);
	}

	@Benchmark
	public byte[] bodyInvalid() {
		return this.renderer.body(this.request, this.invalid, REQUEST_ID);
	}

	@Benchmark
	public MockHttpServletResponse renderNotFound() {
		return render(this.notFound);
	}

	@Benchmark
	public MockHttpServletResponse renderInvalid() {
		return render(this.invalid);
	}

	private MockHttpServletResponse render(ApiErrorDetails details) {
		this.response.setCommitted(false);
		this.response.reset();
		this.request.removeAttribute(ErrorLoggerAccess.LOGGED);
		this.renderer.render(this.request, this.response, details);
		return this.response;
	}

}
