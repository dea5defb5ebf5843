package dev.apierrors.servlet.filter;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.http.HttpHeaders;

/**
 * Adds the header policy's defaults at the moment an error status is set, whoever sets it: a challenge to a 401,
 * a {@code Retry-After} to a 429 or 503. A value the application sets itself, before or after, wins over the
 * default, and the names of the defaults added are recorded on the request so that the error writer does not take
 * them for the application's. Also tells whether an error status was set without any body, and puts the request
 * id header back after a {@link #reset()}.
 */
final class HeaderDefaultsResponse extends HttpServletResponseWrapper {

	private static final String WWW_AUTHENTICATE = HttpHeaders.WWW_AUTHENTICATE.toLowerCase(Locale.ROOT);

	private static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER.toLowerCase(Locale.ROOT);

	private final HttpServletRequest request;

	private final HeaderPolicy policy;

	private boolean bodyDecided;

	HeaderDefaultsResponse(HttpServletRequest request, HttpServletResponse response, HeaderPolicy policy) {
		super(response);
		this.request = request;
		this.policy = policy;
	}

	@Override
	public void setStatus(int status) {
		addDefaults(status);
		super.setStatus(status);
	}

	@Override
	public void sendError(int status) throws IOException {
		addDefaults(status);
		this.bodyDecided = true;
		super.sendError(status);
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		addDefaults(status);
		this.bodyDecided = true;
		super.sendError(status, message);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		this.bodyDecided = true;
		super.sendRedirect(location);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		this.bodyDecided = true;
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		this.bodyDecided = true;
		return super.getWriter();
	}

	@Override
	public void setContentType(String type) {
		this.bodyDecided = true;
		super.setContentType(type);
	}

	@Override
	public void setContentLength(int length) {
		this.bodyDecided = true;
		super.setContentLength(length);
	}

	@Override
	public void setContentLengthLong(long length) {
		this.bodyDecided = true;
		super.setContentLengthLong(length);
	}

	@Override
	public void flushBuffer() throws IOException {
		this.bodyDecided = true;
		super.flushBuffer();
	}

	/**
	 * Return whether the response has an error status and nobody wrote, typed or sized a body for it.
	 */
	boolean isErrorWithoutBody() {
		int status = getStatus();
		return !this.bodyDecided && status >= 400 && status < 600;
	}

	@Override
	public void setHeader(String name, String value) {
		replacing(name);
		super.setHeader(name, value);
	}

	@Override
	public void addHeader(String name, String value) {
		replacing(name);
		super.addHeader(name, value);
	}

	@Override
	public void setIntHeader(String name, int value) {
		replacing(name);
		super.setIntHeader(name, value);
	}

	@Override
	public void addIntHeader(String name, int value) {
		replacing(name);
		super.addIntHeader(name, value);
	}

	@Override
	public void setDateHeader(String name, long date) {
		replacing(name);
		super.setDateHeader(name, date);
	}

	@Override
	public void addDateHeader(String name, long date) {
		replacing(name);
		super.addDateHeader(name, date);
	}

	@Override
	public void reset() {
		super.reset();
		this.bodyDecided = false;
		defaults().clear();
		Object id = this.request.getAttribute(RequestIds.ATTRIBUTE);
		if (id instanceof String value) {
			super.setHeader(this.policy.requestIdHeader(), value);
		}
	}

	void addDefaults(int status) {
		if (status == 401) {
			Object mechanism = this.request.getAttribute(ServletErrorWriter.CHALLENGE_ATTRIBUTE);
			addIfMissing(HttpHeaders.WWW_AUTHENTICATE,
					this.policy.defaultChallenge((mechanism instanceof String value) ? value : null));
		}
		else if (status == 429 || status == 503) {
			addIfMissing(HttpHeaders.RETRY_AFTER, this.policy.defaultRetryAfter(status));
		}
	}

	private void addIfMissing(String name, @Nullable String value) {
		if (value == null || isCommitted() || containsHeader(name)) {
			return;
		}
		super.setHeader(name, value);
		defaults().add(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Drop a default this wrapper added when the application sets the same header itself.
	 */
	private void replacing(String name) {
		// The name first: every response sets headers, few set these two, and the request attribute costs more.
		String lowerCase;
		if (HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
			lowerCase = WWW_AUTHENTICATE;
		}
		else if (HttpHeaders.RETRY_AFTER.equalsIgnoreCase(name)) {
			lowerCase = RETRY_AFTER;
		}
		else {
			return;
		}
		Object recorded = this.request.getAttribute(ServletErrorWriter.DEFAULT_HEADERS_ATTRIBUTE);
		if (recorded != null && defaults().remove(lowerCase)) {
			super.setHeader(name, null);
		}
	}

	@SuppressWarnings("unchecked")
	private Set<String> defaults() {
		Object recorded = this.request.getAttribute(ServletErrorWriter.DEFAULT_HEADERS_ATTRIBUTE);
		if (recorded instanceof Set<?> names) {
			return (Set<String>) names;
		}
		Set<String> names = new HashSet<>(2);
		this.request.setAttribute(ServletErrorWriter.DEFAULT_HEADERS_ATTRIBUTE, names);
		return names;
	}

}
