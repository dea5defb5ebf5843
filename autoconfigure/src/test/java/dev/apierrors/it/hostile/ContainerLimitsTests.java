package dev.apierrors.it.hostile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.it.Http;

import org.springframework.boot.test.web.server.LocalServerPort;


/**
 * Requests that Tomcat rejects before any Spring code runs: the starter cannot give them the uniform body, but
 * the answers must reveal no server name, version or stack trace.
 */
@HostileTest
class ContainerLimitsTests {

	@LocalServerPort
	int port;

	RawHttp raw;

	@BeforeEach
	void client() {
		this.raw = new RawHttp(this.port);
	}

	@Test
	void malformedPercentEncodingIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.get("/public/orders/%zz"));
	}

	@Test
	void invalidCharacterInTheTargetIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.get("/public/orders/<script>{}|"));
	}

	@Test
	void oversizedHeaderIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.get("/public/orders/7", RawHttp.ascii("X-Big: " + "b".repeat(20_000))));
	}

	@Test
	void requestIdOf10000CharactersSentRawIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.get("/public/orders/7", RawHttp.ascii("X-Request-Id: " + "c".repeat(10_000))));
	}

	@Test
	void invalidHeaderNameIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.get("/public/orders/7", RawHttp.ascii("X Bad(Name): value")));
	}

	@Test
	void missingHostIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.exchange(RawHttp.ascii("GET /public/orders/7 HTTP/1.1\r\nConnection: close\r\n\r\n")));
	}

	@Test
	void invalidMethodTokenIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.exchange(RawHttp.ascii("G(E)T /public/orders/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
	}

	@Test
	void encodedSlashIsRejectedWithoutServerDetails() {
		assertBareRejection(this.raw.get("/public/orders/a%2fb"));
	}

	private static void assertBareRejection(Http.Response response) {
		Hostile.assertContainerRejection(response, "zz", "script", "bbbb", "cccc", "Bad(Name)", "G(E)T", "a%2fb");
	}

}
