package dev.apierrors.it.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.apierrors.it.Http;

/**
 * Sends bytes that {@code java.net.http.HttpClient} refuses to send (control characters, raw non-ASCII, repeated
 * or malformed headers) over a plain socket and parses the answer, including Tomcat's own rejections.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Send a GET with the given extra header lines, each given as raw bytes without the line ending.
	 */
	Http.Response get(String target, byte[]... headerLines) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		write(request, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
		for (byte[] line : headerLines) {
			request.writeBytes(line);
			write(request, "\r\n");
		}
		write(request, "\r\n");
		return exchange(request.toByteArray());
	}

	/**
	 * Send the request bytes as they are and read the whole answer; the request should ask the server to close.
	 */
	Http.Response exchange(byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(ascii(text));
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = in.read(buffer)) != -1) {
				all.write(buffer, 0, read);
			}
		}
		catch (SocketTimeoutException | java.net.SocketException ex) {
			// Keep what arrived: a reset after the answer is how some rejections end.
		}
		return all.toByteArray();
	}

	static Http.Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No complete HTTP answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		List<String> encoding = headers.get("Transfer-Encoding");
		if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
			bodyBytes = dechunk(bodyBytes);
		}
		return new Http.Response(status, java.net.http.HttpHeaders.of(headers, (name, value) -> true),
				new String(bodyBytes, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = indexOf(chunked, position);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1).trim();
			int size = Integer.parseInt(sizeText.split(";")[0], 16);
			if (size == 0) {
				break;
			}
			int start = lineEnd + 2;
			out.write(chunked, start, Math.min(size, chunked.length - start));
			position = start + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
