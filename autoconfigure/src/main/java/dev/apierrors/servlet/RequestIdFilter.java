package dev.apierrors.servlet;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;

/**
 * Gives every request an id before anything that logs runs: the incoming header when it is valid, otherwise a
 * new one. The id is sent back in the same header on every response, kept in a request attribute for the error
 * and async dispatches, and put in the SLF4J MDC under {@value RequestIds#MDC_KEY} for the duration of each
 * dispatch, then removed, so that no id outlives its request on a pooled thread.
 */
public class RequestIdFilter implements Filter, Ordered {

	/**
	 * Order of the filter: right after Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}), so that a trace
	 * is open when the id is chosen, and long before Spring Security (-100), so that every filter that logs sees
	 * the id.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	/** Headers that carry trace context; using one of them as the request id header would break tracing. */
	private static final Set<String> TRACING_HEADERS = Set.of("traceparent", "tracestate", "baggage", "b3",
			"x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "uber-trace-id");

	private final String header;

	private final RequestIdSource source;

	/**
	 * Create a filter that reads and writes the given header.
	 * @param header the request id header name: an HTTP token that is not a tracing header
	 * @param source where new ids come from
	 * @throws IllegalArgumentException if the header name is not a token or names a tracing header
	 */
	public RequestIdFilter(String header, RequestIdSource source) {
		this.header = checkHeaderName(header);
		this.source = source;
	}

	static String checkHeaderName(String header) {
		if (!HttpTokens.isToken(header)) {
			throw new IllegalArgumentException("The request id header name must be an HTTP token, got '" + header + "'");
		}
		if (TRACING_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException(
					"The request id header must not be a tracing header, which it would overwrite: " + header);
		}
		return header;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/**
	 * Return the name of the header the id is read from and written to.
	 * @return the header name
	 */
	public String getHeader() {
		return this.header;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		String id = (String) request.getAttribute(RequestIds.ATTRIBUTE);
		if (id == null) {
			id = RequestIds.incoming(request, this.header);
			if (id == null) {
				id = newId(request);
			}
			request.setAttribute(RequestIds.ATTRIBUTE, id);
		}
		response.setHeader(this.header, id);
		String previous = MDC.get(RequestIds.MDC_KEY);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			// Restored only for a dispatch nested in one of the same request; any other value is a leak.
			if (id.equals(previous)) {
				MDC.put(RequestIds.MDC_KEY, previous);
			}
			else {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
	}

	private String newId(HttpServletRequest request) {
		String id = this.source.newId(request);
		return RequestIds.isValid(id) ? id : RequestIds.generate();
	}

}
