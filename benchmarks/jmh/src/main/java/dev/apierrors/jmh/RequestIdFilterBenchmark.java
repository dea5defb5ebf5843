package dev.apierrors.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.apierrors.core.requestid.RandomRequestIdGenerator;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.servlet.filter.RequestIdFilter;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The request-id filter, which runs on every request: with a new id (random bits) and with a valid incoming
 * one, plus id generation alone on one and on two threads, to see whether the shared random source contends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestIdFilterBenchmark {

	private static final FilterChain NOTHING = (request, response) -> {
	};

	private RequestIdFilter filter;

	private MockHttpServletRequest fresh;

	private MockHttpServletRequest withId;

	private MockHttpServletResponse response;

	@Setup
	public void setUp() {
		this.filter = new RequestIdFilter(new RequestIds("X-Request-Id", RandomRequestIdGenerator.INSTANCE));
		this.fresh = new MockHttpServletRequest("GET", "/items/1");
		this.withId = new MockHttpServletRequest("GET", "/items/1");
		this.withId.addHeader("X-Request-Id", "3f2a9c1e-7b44-4d0e-9a55-2c8e1f0b6d71");
		this.response = new MockHttpServletResponse();
	}

	@Benchmark
	public MockHttpServletRequest filterNewId() throws IOException, ServletException {
		this.fresh.removeAttribute(RequestIds.ATTRIBUTE);
		this.filter.doFilter(this.fresh, this.response, NOTHING);
		return this.fresh;
	}

	@Benchmark
	public MockHttpServletRequest filterIncomingId() throws IOException, ServletException {
		this.withId.removeAttribute(RequestIds.ATTRIBUTE);
		this.filter.doFilter(this.withId, this.response, NOTHING);
		return this.withId;
	}

	@Benchmark
	public String generate() {
		return RandomRequestIdGenerator.INSTANCE.generate();
	}

	@Benchmark
	@Threads(2)
	public String generateOnTwoThreads() {
		return RandomRequestIdGenerator.INSTANCE.generate();
	}

}
