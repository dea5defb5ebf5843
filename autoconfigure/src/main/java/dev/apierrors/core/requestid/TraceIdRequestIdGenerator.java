package dev.apierrors.core.requestid;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import dev.apierrors.RequestIdGenerator;

/**
 * Uses the trace id of the current Micrometer Tracing span as the id of a request that arrived without one, so
 * that the id a client reports finds the whole trace; falls back to a random id when no span is open or the
 * tracer is a no-op. Tracing headers themselves are never read or written.
 */
public final class TraceIdRequestIdGenerator implements RequestIdGenerator {

	private final Tracer tracer;

	/**
	 * Create a generator that reads the given tracer.
	 * @param tracer the application's tracer
	 */
	public TraceIdRequestIdGenerator(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public String generate() {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			String traceId = span.context().traceId();
			if (RequestIds.isValid(traceId)) {
				return traceId;
			}
		}
		return RandomRequestIdGenerator.INSTANCE.generate();
	}

}
