package dev.apierrors.it.headers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends one HTTP/1.1 request as raw bytes, for header values a well-behaved client refuses to send (control
 * characters, raw UTF-8, repeated lines), and reads the whole response.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Send a GET with the given extra header lines, each already in {@code Name: value} form.
	 */
	static Response get(int port, String path, byte[]... headerLines) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
		for (byte[] line : headerLines) {
			request.writeBytes(line);
			request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		request.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toByteArray());
			out.flush();
			InputStream in = socket.getInputStream();
			return Response.parse(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Response(int status, List<String[]> headers, String body, String raw) {

		static Response parse(byte[] bytes) {
			String raw = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = raw.indexOf("\r\n\r\n");
			String head = (end >= 0) ? raw.substring(0, end) : raw;
			String body = (end >= 0) ? raw.substring(end + 4) : "";
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String[]> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.add(new String[] { lines[i].substring(0, colon), lines[i].substring(colon + 1).trim() });
			}
			return new Response(status, headers, body, raw);
		}

		List<String> values(String name) {
			return this.headers.stream()
				.filter((header) -> header[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
				.map((header) -> header[1])
				.toList();
		}

	}

}
