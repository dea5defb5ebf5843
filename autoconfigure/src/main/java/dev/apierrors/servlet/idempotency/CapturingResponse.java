package dev.apierrors.servlet.idempotency;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.FastByteArrayOutputStream;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.web.util.WebUtils;

/**
 * A response that, once {@link #capture() capturing}, holds the body in memory and notes the headers the
 * application sets, so that the response can be stored before the client sees it; until then, and for requests
 * that are not executed under a key, every call goes to the response unchanged.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

	/**
	 * Headers never stored: cookies, what describes this connection or this transfer, and CORS headers, which
	 * depend on the {@code Origin} of each request.
	 */
	private static final Set<String> NOT_STORED = Set.of("set-cookie", "set-cookie2", "content-length",
			"transfer-encoding", "connection", "keep-alive", "date", "trailer", "upgrade",
			IdempotencyInterceptor.REPLAYED_HEADER.toLowerCase(Locale.ROOT));

	private @Nullable Capture capture;

	CapturingResponse(HttpServletResponse response) {
		super(response);
	}

	/**
	 * Start capturing for the first execution of a request under a key: from now on the body is held and the names
	 * of headers set are noted.
	 */
	void capture(IdempotentExecution execution) {
		if (this.capture != null) {
			throw new IllegalStateException("The response is already captured");
		}
		this.capture = new Capture(execution);
	}

	/**
	 * Return whether the response is being captured.
	 */
	boolean isCapturing() {
		return this.capture != null;
	}

	/**
	 * Return whether {@code sendError} handed the response to the container's error dispatch while it was
	 * captured, so that its body is not written here.
	 */
	boolean isErrorSent() {
		return this.capture != null && this.capture.errorSent;
	}

	/**
	 * Return the headers the application set while the response was captured, with their current values.
	 */
	HttpHeaders capturedHeaders() {
		HttpHeaders headers = new HttpHeaders();
		if (this.capture == null) {
			return headers;
		}
		for (String name : this.capture.names.values()) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (NOT_STORED.contains(lower) || lower.startsWith("access-control-")) {
				continue;
			}
			if (lower.equals("content-type")) {
				String contentType = getContentType();
				if (contentType != null) {
					headers.add(HttpHeaders.CONTENT_TYPE, contentType);
				}
				continue;
			}
			Collection<String> values = getHeaders(name);
			if (values != null) {
				values.forEach((value) -> headers.add(name, value));
			}
		}
		return headers;
	}

	/**
	 * Return the body written while the response was captured.
	 */
	byte[] capturedBody() {
		if (this.capture == null) {
			return new byte[0];
		}
		this.capture.flushWriter();
		return this.capture.content.toByteArray();
	}

	/**
	 * End the execution: store the response (or release the key when it cannot be replayed), then write the held
	 * body to the response; nothing is held any more afterwards.
	 */
	void complete() throws IOException {
		if (this.capture != null) {
			this.capture.execution.completed(this);
		}
		copyBodyToResponse();
	}

	/**
	 * End the execution of a request that failed: release the key and drop the held body, since whatever answers
	 * the failure writes the response itself.
	 */
	void fail(String reason) {
		Capture capture = this.capture;
		this.capture = null;
		if (capture != null) {
			capture.execution.failed(reason);
		}
	}

	private void copyBodyToResponse() throws IOException {
		Capture capture = this.capture;
		this.capture = null;
		if (capture == null || capture.errorSent || capture.redirected) {
			return;
		}
		capture.flushWriter();
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (capture.content.size() > 0 || capture.lengthDeclared) {
			// The length of what was held, which is what the application declared unless it got it wrong.
			if (!response.isCommitted() && response.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
				response.setContentLength(capture.content.size());
			}
			capture.content.writeTo(response.getOutputStream());
		}
		if (capture.flushed) {
			response.flushBuffer();
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		Capture capture = this.capture;
		if (capture == null) {
			return super.getOutputStream();
		}
		if (capture.outputStream == null) {
			capture.outputStream = new HeldOutputStream(capture.content);
		}
		return capture.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		Capture capture = this.capture;
		if (capture == null) {
			return super.getWriter();
		}
		if (capture.writer == null) {
			String encoding = getCharacterEncoding();
			capture.writer = writer(capture.content,
					(encoding != null) ? encoding : WebUtils.DEFAULT_CHARACTER_ENCODING);
		}
		return capture.writer;
	}

	private static PrintWriter writer(FastByteArrayOutputStream content, String encoding)
			throws UnsupportedEncodingException {
		return new PrintWriter(new OutputStreamWriter(content, encoding));
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.capture == null) {
			super.flushBuffer();
		}
		else {
			// Held until the response is stored; flushed then.
			this.capture.flushed = true;
		}
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		if (this.capture != null) {
			this.capture.resetContent();
		}
	}

	@Override
	public void reset() {
		super.reset();
		if (this.capture != null) {
			this.capture.resetContent();
			this.capture.names.clear();
		}
	}

	@Override
	public void sendError(int status) throws IOException {
		errorSent();
		super.sendError(status);
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		errorSent();
		super.sendError(status, message);
	}

	private void errorSent() {
		if (this.capture != null) {
			this.capture.resetContent();
			this.capture.errorSent = true;
		}
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		redirected();
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
		redirected();
		super.sendRedirect(location, status, clearBuffer);
	}

	/**
	 * Note a redirect, which the container completes with a {@code Location} and no body of the application's.
	 */
	private void redirected() {
		if (this.capture != null) {
			this.capture.resetContent();
			this.capture.redirected = true;
			this.capture.note(HttpHeaders.LOCATION);
		}
	}

	@Override
	public void setContentLength(int length) {
		if (this.capture == null) {
			super.setContentLength(length);
		}
		else {
			this.capture.lengthDeclared = true;
		}
	}

	@Override
	public void setContentLengthLong(long length) {
		if (this.capture == null) {
			super.setContentLengthLong(length);
		}
		else {
			this.capture.lengthDeclared = true;
		}
	}

	@Override
	public void setContentType(@Nullable String type) {
		note(HttpHeaders.CONTENT_TYPE);
		super.setContentType(type);
	}

	@Override
	public void setHeader(String name, @Nullable String value) {
		if (!isHeldLength(name)) {
			note(name);
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, @Nullable String value) {
		if (!isHeldLength(name)) {
			note(name);
			super.addHeader(name, value);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		if (!isHeldLength(name)) {
			note(name);
			super.setIntHeader(name, value);
		}
	}

	@Override
	public void addIntHeader(String name, int value) {
		if (!isHeldLength(name)) {
			note(name);
			super.addIntHeader(name, value);
		}
	}

	@Override
	public void setDateHeader(String name, long date) {
		note(name);
		super.setDateHeader(name, date);
	}

	@Override
	public void addDateHeader(String name, long date) {
		note(name);
		super.addDateHeader(name, date);
	}

	/**
	 * Return whether the header is a {@code Content-Length} that the capture sets itself when the body is
	 * written.
	 */
	private boolean isHeldLength(String name) {
		if (this.capture != null && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
			this.capture.lengthDeclared = true;
			return true;
		}
		return false;
	}

	private void note(String name) {
		if (this.capture != null) {
			this.capture.note(name);
		}
	}

	private static final class Capture {

		private final IdempotentExecution execution;

		private final FastByteArrayOutputStream content = new FastByteArrayOutputStream(1024);

		/** Header names in the order they were first set, keyed without case. */
		private final LinkedCaseInsensitiveMap<String> names = new LinkedCaseInsensitiveMap<>(8, Locale.ROOT);

		private @Nullable ServletOutputStream outputStream;

		private @Nullable PrintWriter writer;

		private boolean errorSent;

		private boolean redirected;

		private boolean flushed;

		private boolean lengthDeclared;

		Capture(IdempotentExecution execution) {
			this.execution = execution;
		}

		void note(String name) {
			this.names.putIfAbsent(name, name);
		}

		void flushWriter() {
			if (this.writer != null) {
				this.writer.flush();
			}
		}

		void resetContent() {
			flushWriter();
			this.content.reset();
		}

	}

	/**
	 * Holds what is written in memory, where a write is always possible.
	 */
	private static final class HeldOutputStream extends ServletOutputStream {

		private final FastByteArrayOutputStream content;

		HeldOutputStream(FastByteArrayOutputStream content) {
			this.content = content;
		}

		@Override
		public void write(int b) throws IOException {
			this.content.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.content.write(bytes, offset, length);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			try {
				listener.onWritePossible();
			}
			catch (IOException ex) {
				listener.onError(ex);
			}
		}

	}

}
