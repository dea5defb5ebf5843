package dev.apierrors.servlet.filter;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import dev.apierrors.core.requestid.RequestIds;

import org.springframework.core.Ordered;

/**
 * Gives every request an id before anything that logs runs: the incoming header when it is valid, otherwise a
 * new one. The id is sent back in the same header on every response, kept in a request attribute for the error
 * and async dispatches, and put in the SLF4J MDC under {@value RequestIds#MDC_KEY} for the duration of each
 * dispatch, then removed, so that no id outlives its request on a pooled thread.
 */
public final class RequestIdFilter implements Filter, Ordered {

	/**
	 * Order of the filter: right after Boot's observation filter ({@code HIGHEST_PRECEDENCE + 1}), so that a trace
	 * is open when the id is chosen, and long before Spring Security (-100), so that every filter that logs sees
	 * the id.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	private final RequestIds requestIds;

	/**
	 * Create a filter.
	 * @param requestIds the rules and header of request ids
	 */
	public RequestIdFilter(RequestIds requestIds) {
		this.requestIds = requestIds;
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
			id = idOf(request);
			request.setAttribute(RequestIds.ATTRIBUTE, id);
		}
		response.setHeader(this.requestIds.header(), id);
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

	private String idOf(HttpServletRequest request) {
		String header = this.requestIds.header();
		// Most requests carry no id: one look-up, and the enumeration only to count the values of one that does.
		@Nullable String first = request.getHeader(header);
		if (first == null) {
			return this.requestIds.newId();
		}
		Enumeration<String> values = request.getHeaders(header);
		boolean more = false;
		if (values != null && values.hasMoreElements()) {
			values.nextElement();
			more = values.hasMoreElements();
		}
		return this.requestIds.idFor(first, more);
	}

}
