package dev.apierrors.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real Redis server for the tests, found or started once per test JVM, on the loopback interface only.
 *
 * <ol>
 * <li>{@code API_ERRORS_TEST_REDIS_PORT} (environment variable or system property) names the port of a running
 * server on 127.0.0.1; the tests fail if nothing answers there.</li>
 * <li>Otherwise the {@code redis-server} binary shipped by the {@code embedded-redis} test dependency is started
 * on a free port, without persistence, and stopped when the JVM exits.</li>
 * <li>Otherwise a {@code redis-server} on the {@code PATH} (Debian's {@code redis-server} package) is started the
 * same way.</li>
 * <li>Otherwise the Redis tests are skipped with a message saying how to run them, unless
 * {@code API_ERRORS_TEST_REDIS_REQUIRED=true} (as CI sets it) makes them fail.</li>
 * </ol>
 */
public final class TestRedis {

	/** Names the port of a running Redis server on 127.0.0.1. */
	public static final String PORT_VARIABLE = "API_ERRORS_TEST_REDIS_PORT";

	/** When {@code true}, tests fail instead of being skipped when no Redis server can be had. */
	public static final String REQUIRED_VARIABLE = "API_ERRORS_TEST_REDIS_REQUIRED";

	static final String SKIPPED = "no Redis server: set " + PORT_VARIABLE
			+ " or install redis-server; see docs/idempotency.md";

	private static int port;

	private static String source;

	private static String failure;

	private static boolean skipReported;

	private TestRedis() {
	}

	/**
	 * Return the port of the Redis server on 127.0.0.1, aborting (skipping) the calling test when there is none.
	 * @return the port
	 */
	public static synchronized int port() {
		if (port == 0 && failure == null) {
			find();
		}
		if (failure != null) {
			if (Boolean.parseBoolean(setting(REQUIRED_VARIABLE))) {
				fail(SKIPPED + " (" + failure + "), and " + REQUIRED_VARIABLE + "=true");
			}
			if (!skipReported) {
				skipReported = true;
				System.err.println("Redis tests skipped: " + SKIPPED + " (" + failure + ")");
			}
			Assumptions.abort(SKIPPED + " (" + failure + ")");
		}
		return port;
	}

	/**
	 * Return where the server came from, for test output.
	 * @return a description of the server
	 */
	public static synchronized String source() {
		port();
		return source;
	}

	/**
	 * Return a free port on 127.0.0.1 that no Redis listens on.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void find() {
		String configured = setting(PORT_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			int candidate = Integer.parseInt(configured.trim());
			if (!answersPing(candidate)) {
				// Set on purpose, so a missing server is a failure, never a skip.
				fail(PORT_VARIABLE + "=" + configured + " but no Redis answers PING on 127.0.0.1:" + candidate);
			}
			port = candidate;
			source = "the Redis server on 127.0.0.1:" + candidate + " (" + PORT_VARIABLE + ")";
			return;
		}
		String embeddedFailure = startEmbedded();
		if (embeddedFailure == null) {
			return;
		}
		String pathFailure = startFromPath();
		if (pathFailure == null) {
			return;
		}
		failure = "embedded-redis: " + embeddedFailure + "; redis-server on the PATH: " + pathFailure;
	}

	private static String startEmbedded() {
		int candidate = freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(candidate)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// The JVM is exiting; the process goes with its pipes.
				}
			}, "embedded-redis-stop"));
			if (!answersPing(candidate)) {
				server.stop();
				return "started, but did not answer PING";
			}
			port = candidate;
			source = "redis-server from embedded-redis on 127.0.0.1:" + candidate;
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return ex.toString();
		}
	}

	private static String startFromPath() {
		int candidate = freePort();
		try {
			Path directory = Files.createTempDirectory("api-errors-redis");
			Process process = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1", "--port",
					Integer.toString(candidate), "--save", "", "--appendonly", "no", "--dir", directory.toString()))
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("redis.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "redis-server-stop"));
			for (int i = 0; i < 50; i++) {
				if (answersPing(candidate)) {
					port = candidate;
					source = "redis-server from the PATH on 127.0.0.1:" + candidate;
					return null;
				}
				if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
					return "exited with " + process.exitValue();
				}
			}
			process.destroy();
			return "did not answer PING within 5 seconds";
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex.toString();
		}
	}

	/**
	 * Return whether a Redis server answers {@code PING} on 127.0.0.1 at the given port.
	 * @param port the port
	 * @return whether it answers
	 */
	public static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, reply.length);
			return new String(reply, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String setting(String name) {
		String value = System.getProperty(name);
		return (value != null) ? value : System.getenv(name);
	}

}
