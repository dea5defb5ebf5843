package dev.apierrors.it.hostile;

import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.apierrors.it.ErrorAssertions;
import dev.apierrors.it.Http;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions shared by the hostile suite.
 */
final class Hostile {

	/** What a generated request id looks like: 128 random bits, base64url, no padding. */
	static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(ERROR|WARN|INFO|DEBUG|TRACE)\\b.*");

	/** Text that must never reach a client: server identity, stack frames, Java and Jackson internals. */
	static final List<String> INTERNALS = List.of("Tomcat", "Apache", "Exception", "java.", "tools.jackson",
			"at org.", "at dev.", "springframework", "<html", "Whitelabel");

	/** What a container-level rejection must not reveal: the server, its version, a stack trace. */
	static final List<String> SERVER_DETAILS = List.of("Tomcat", "Apache", "Exception", "at org.", "at java.",
			"11.0", "Servlet");

	private Hostile() {
	}

	static JsonNode assertError(Http.Response response, int status, String code) {
		JsonNode json = ErrorAssertions.assertError(response, status, code);
		assertThat(response.body()).doesNotContain(INTERNALS);
		return json;
	}

	/** Assert an answer from the container itself, before any Spring code: a bare 400 that reveals nothing. */
	static void assertContainerRejection(Http.Response response, String... neverEchoed) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().firstValue("Server")).isEmpty();
		assertThat(response.headers().firstValue("X-Request-Id")).isEmpty();
		assertThat(response.body()).doesNotContain(SERVER_DETAILS).doesNotContain(neverEchoed);
	}

	/** Assert the error carries a fresh id of our own rather than anything the client sent. */
	static JsonNode assertFreshId(Http.Response response, int status, String code) {
		JsonNode json = assertError(response, status, code);
		assertThat(response.headerValues("X-Request-Id")).hasSize(1);
		assertThat(response.header("X-Request-Id")).matches(GENERATED_ID);
		return json;
	}

	/** Return the log entries (not continuation lines) at WARN or ERROR in the captured output. */
	static List<String> problems(CapturedOutput output) {
		return output.getOut()
			.lines()
			.filter((line) -> LOG_LINE.matcher(line).matches())
			.filter((line) -> line.contains(" ERROR ") || line.contains(" WARN "))
			.toList();
	}

	/** Return every log entry of the captured output. */
	static List<String> entries(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> LOG_LINE.matcher(line).matches()).toList();
	}

}
