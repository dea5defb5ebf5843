package dev.apierrors.servlet;

import java.io.IOException;

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
 * Gives every request an id before anything else runs: the incoming header when it is valid, otherwise a new
 * one. The id is sent back in the same header on every response, kept in a request attribute for the error and
 * async dispatches, and put in the SLF4J MDC for the duration of each dispatch, then removed.
 */
public class RequestIdFilter implements Filter, Ordered {

	/** Order of the filter: first of all, so that every other filter, Spring Security included, logs the id. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private final String header;

	private final RequestIdSource source;

	/**
	 * Create a filter that reads and writes the given header.
	 * @param header the request id header name
	 * @param source where new ids come from
	 */
	public RequestIdFilter(String header, RequestIdSource source) {
		this.header = header;
		this.source = source;
	}

	@Override
	public int getOrder() {
		return ORDER;
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
				id = this.source.newId(request);
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
			if (previous != null) {
				MDC.put(RequestIds.MDC_KEY, previous);
			}
			else {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
	}

}
