package dev.apierrors.it.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.it.Http;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.hostile.Hostile.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based leak checks with a hand-rolled generator and a fixed seed: generated exception messages full of
 * secret markers, package names, SQL and CR/LF never reach a 5xx body, and client text never reaches a log line
 * with a raw line break or a credential header.
 */
@HostileTest
class LeakPropertyTests {

	private static final long SEED = 0x5EC12E7L;

	private static final int CASES = 30;

	private static final String[] SECRETS = { "SECRET-7f3a", "password=hunter2", "jdbc:postgresql://db.internal:5432/shop",
			"com.acme.billing.internal.LedgerService", "org.hibernate.exception.SQLGrammarException",
			"SELECT card_number FROM payments WHERE user_id = 42", "/home/deploy/.aws/credentials",
			"AKIAIOSFODNN7EXAMPLE", "10.0.3.17", "<script>alert(1)</script>" };

	private static final String[] BREAKS = { "\r\n", "\n", "\r", "\u2028", "%0d%0a", "\u0000" };

	private static final String[] ENDPOINTS = { "/public/faults/leak", "/public/faults/leak-sql",
			"/public/faults/leak-upstream" };

	@LocalServerPort
	int port;

	Http http;

	RawHttp raw;

	@BeforeEach
	void clients() {
		this.http = new Http(this.port);
		this.raw = new RawHttp(this.port);
	}

	@Test
	void generatedSecretsInExceptionMessagesNeverReachA5xxBody() {
		Random random = new Random(SEED);
		for (int i = 0; i < CASES; i++) {
			List<String> markers = new ArrayList<>();
			String message = generate(random, markers);
			String endpoint = ENDPOINTS[i % ENDPOINTS.length];
			Http.Response response = this.http.send("POST", endpoint, message, "Content-Type", "text/plain");
			int status = endpoint.endsWith("upstream") ? 502 : 500;
			assertError(response, status, (status == 502) ? "bad_gateway" : "internal_error");
			assertThat(response.bodyWithoutRequestId()).as("case %d: %s", i, message).doesNotContain(markers);
			assertThat(response.bodyWithoutRequestId()).doesNotContain("\\r", "\\n", "\\u2028", "SQL", "jdbc", "acme");
		}
	}

	@Test
	void generatedSecretsInAFilterFailureNeverReachTheBody() {
		Random random = new Random(SEED + 1);
		for (int i = 0; i < CASES / 3; i++) {
			List<String> markers = new ArrayList<>();
			String message = generate(random, markers).replaceAll("[\\r\\n\\u0000\\u2028]", " ");
			Http.Response response = this.http.get("/public/filter-leak", "X-Leak", message);
			assertError(response, 500, "internal_error");
			assertThat(response.bodyWithoutRequestId()).as("case %d", i).doesNotContain(markers);
		}
	}

	@Test
	void generatedSecretsIn4xxFromTheFrameworkAreNotEchoed() {
		Random random = new Random(SEED + 2);
		for (int i = 0; i < CASES / 3; i++) {
			List<String> markers = new ArrayList<>();
			String message = generate(random, markers);
			Http.Response response = this.http.send("POST", "/public/faults/leak-integrity", message, "Content-Type",
					"text/plain");
			assertError(response, 409, "conflict");
			assertThat(response.bodyWithoutRequestId()).as("case %d", i).doesNotContain(markers);
		}
	}

	@Test
	void clientTextNeverForgesALogLineOrLeaksCredentials(CapturedOutput output) {
		Random random = new Random(SEED + 3);
		for (int i = 0; i < CASES / 3; i++) {
			String forged = "FORGED-" + i;
			String encoded = "%0d%0a" + forged + "%0a"
					+ URLEncoder.encode(SECRETS[random.nextInt(SECRETS.length)].replace("/", ""), StandardCharsets.UTF_8);
			Http.Response response = this.http.get("/private/" + encoded, "Authorization", "Bearer stolen-token-" + i,
					"Cookie", "SESSION=cookie-" + i, "X-Request-Id", "x " + forged);
			// Spring Security's firewall rejects encoded line breaks in the path.
			assertError(response, 400, "bad_request");
		}
		Http.Response rejected = this.raw.get("/public/orders/7%0d%0aFORGED-path");
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.body()).doesNotContain("FORGED");
		List<String> lines = output.getOut().lines().toList();
		assertThat(lines).noneMatch((line) -> line.startsWith("FORGED-"));
		assertThat(lines).noneMatch((line) -> line.contains("stolen-token") || line.contains("cookie-"));
		assertThat(Hostile.entries(output)).anyMatch((line) -> line.contains("FORGED-"));
	}

	/** Build a message from random secrets, line breaks and filler, remembering which secrets it holds. */
	private static String generate(Random random, List<String> markers) {
		StringBuilder message = new StringBuilder();
		int parts = 1 + random.nextInt(4);
		for (int p = 0; p < parts; p++) {
			String secret = SECRETS[random.nextInt(SECRETS.length)];
			markers.add(secret);
			message.append(filler(random)).append(secret).append(BREAKS[random.nextInt(BREAKS.length)]);
		}
		return message.toString();
	}

	private static String filler(Random random) {
		char[] chars = new char[random.nextInt(12)];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = (char) ('a' + random.nextInt(26));
		}
		return new String(chars) + " ";
	}

}
