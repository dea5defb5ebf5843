package dev.apierrors.servlet.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.util.StreamUtils;

/**
 * A request whose body can be read into memory once, up to a limit, to be fingerprinted; the application then
 * reads the same bytes. Until {@link #body(long)} is called every call goes to the request unchanged.
 */
final class CachedBodyRequest extends HttpServletRequestWrapper {

	private byte @Nullable [] body;

	private @Nullable ServletInputStream inputStream;

	private @Nullable BufferedReader reader;

	CachedBodyRequest(HttpServletRequest request) {
		super(request);
	}

	/**
	 * Read the whole body, once.
	 * @param limit the most bytes the body may have
	 * @return the body
	 * @throws ApiException 413 {@code idempotency_body_too_large} when the body is longer than the limit
	 */
	byte[] body(long limit) throws IOException {
		if (this.body == null) {
			long declared = getContentLengthLong();
			if (declared > limit) {
				throw tooLarge(limit);
			}
			byte[] read = StreamUtils.copyToByteArray(new LimitedInputStream(super.getInputStream(), limit));
			this.body = read;
		}
		return this.body;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.body == null) {
			return super.getInputStream();
		}
		if (this.inputStream == null) {
			this.inputStream = new BodyInputStream(this.body);
		}
		return this.inputStream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.body == null) {
			return super.getReader();
		}
		if (this.reader == null) {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
		return this.reader;
	}

	static ApiException tooLarge(long limit) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "idempotency_body_too_large",
				"A request with an Idempotency-Key can have a body of at most " + limit + " bytes.");
	}

	/**
	 * Reads at most {@code limit} bytes and fails on the next one.
	 */
	private static final class LimitedInputStream extends java.io.FilterInputStream {

		private final long limit;

		private long count;

		LimitedInputStream(java.io.InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int read = super.read(bytes, offset, length);
			if (read > 0) {
				counted(read);
			}
			return read;
		}

		private void counted(int read) {
			this.count += read;
			if (this.count > this.limit) {
				throw tooLarge(this.limit);
			}
		}

	}

	private static final class BodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream body;

		BodyInputStream(byte[] body) {
			this.body = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.body.read();
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			return this.body.read(bytes, offset, length);
		}

		@Override
		public int available() {
			return this.body.available();
		}

		@Override
		public boolean isFinished() {
			return this.body.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			try {
				listener.onDataAvailable();
				listener.onAllDataRead();
			}
			catch (IOException ex) {
				listener.onError(ex);
			}
		}

	}

}
