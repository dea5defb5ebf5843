package dev.apierrors.it.hostile;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.hostile.Hostile.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults in the application and in the starter's own collaborators: a broken customizer, exceptions whose
 * message cannot be read, cause chains that loop or go 10 000 deep, failures after the response is committed, a
 * client that goes away and 10 000 invalid fields. Each ends in a safe answer or a clean abort, logged once.
 */
@HostileTest
class FaultHostileTests {

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
	void brokenCustomizerKeepsTheErrorAndLogsItsFailure(CapturedOutput output) {
		Http.Response response = this.http.get("/public/faults/customizer");
		JsonNode json = assertError(response, 409, "customizer_trap");
		assertThat(json.get("message").asString()).isEqualTo("The order is locked.");
		assertThat(response.body()).doesNotContain("com.acme");
		assertThat(Hostile.problems(output)).singleElement().asString().contains("ApiErrorCustomizer");
	}

	@Test
	void customizerThrowingALinkageErrorStillGetsTheError(CapturedOutput output) {
		Http.Response response = this.http.get("/public/faults/linkage");
		assertError(response, 409, "linkage_trap");
		assertThat(response.body()).doesNotContain("com/acme");
		assertThat(Hostile.problems(output)).hasSize(1);
	}

	@Test
	void customizerHeaderWithCrLfCannotForgeAHeader() {
		Http.Response response = this.raw.get("/public/faults/header");
		assertError(response, 409, "header_trap");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void exceptionWhoseMessageAndToStringThrowIsSafe500LoggedOnce(CapturedOutput output) {
		Http.Response response = this.http.get("/public/faults/broken-message");
		JsonNode json = assertError(response, 500, "internal_error");
		assertThat(json.get("message").asString()).isEqualTo("An unexpected error occurred.");
		assertThat(Hostile.problems(output)).singleElement().asString().contains(response.header("X-Request-Id"));
	}

	@Test
	void typedExceptionWhoseMessageThrowsFallsBackToTheStatusMessage() {
		JsonNode json = assertError(this.http.get("/public/faults/broken-typed"), 409, "broken_typed");
		assertThat(json.get("message").asString()).isEqualTo("The request conflicts with the current state of the resource.");
	}

	@Test
	void cyclicCauseChainTerminatesWithSafe500(CapturedOutput output) {
		Http.Response response = this.http.get("/public/faults/cyclic");
		assertError(response, 500, "internal_error");
		assertThat(Hostile.problems(output)).singleElement().asString().contains(response.header("X-Request-Id"));
	}

	@Test
	void cyclicCauseChainBesideACatchAllAdviceTerminates(CapturedOutput output) {
		Http.Response response = this.http.get("/public/advised/cyclic");
		assertError(response, 500, "internal_error");
		assertThat(Hostile.problems(output)).singleElement().asString().contains(response.header("X-Request-Id"));
	}

	@Test
	void cyclicCauseUnderAnUpstreamFailureTerminatesWith502() {
		assertError(this.http.get("/public/faults/cyclic-upstream"), 502, "bad_gateway");
	}

	@Test
	void causeChain10000DeepTerminatesWithSafe500LoggedOnce(CapturedOutput output) {
		Http.Response response = this.http.get("/public/faults/deep");
		assertError(response, 500, "internal_error");
		assertThat(Hostile.problems(output)).singleElement().asString().contains(response.header("X-Request-Id"));
		assertThat(output.getOut().length()).isLessThan(2_000_000);
	}

	@Test
	void causeChain10000DeepBesideACatchAllAdviceTerminates(CapturedOutput output) {
		Http.Response response = this.http.get("/public/advised/deep");
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("X-Request-Id")).matches(Hostile.GENERATED_ID);
		assertThat(response.body()).doesNotContain(Hostile.INTERNALS);
	}

	@Test
	void failureAfterStreamingStartedAbortsTheResponseAndIsLoggedOnce(CapturedOutput output) {
		assertAborted("/public/faults/stream", 'x', output);
	}

	@Test
	void failureAfterStreamingStartedBesideACatchAllAdviceAbortsAndIsLoggedOnce(CapturedOutput output) {
		assertAborted("/public/advised/stream", 'z', output);
	}

	@Test
	void sseFailureAfterTheFirstEventAbortsAndIsLoggedOnce(CapturedOutput output) throws Exception {
		Exchange exchange = exchange("/public/faults/sse");
		assertThat(exchange.head()).startsWith("HTTP/1.1 200").contains("text/event-stream");
		assertThat(exchange.body()).contains("event:first").doesNotContain("internal_error", "{\"error\"");
		assertThat(exchange.terminated()).as("a clean abort has no terminating chunk").isFalse();
		assertThat(Hostile.problems(output)).singleElement().asString().contains("request_id=");
	}

	@Test
	void clientThatDisconnectsMidStreamLeavesNoErrorAndTheServerServesOn(CapturedOutput output) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(RawHttp.ascii("GET /public/faults/slow-stream HTTP/1.1\r\nHost: localhost\r\n\r\n"));
			byte[] first = socket.getInputStream().readNBytes(4096);
			assertThat(new String(first, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
			socket.setSoLinger(true, 0);
		}
		Http.Response after = this.http.get("/public/orders/7");
		assertError(after, 404, "not_found");
		assertThat(Hostile.problems(output)).isEmpty();
	}

	@Test
	void tenThousandInvalidFieldsGiveABoundedBody() {
		StringBuilder body = new StringBuilder("{\"items\":[");
		for (int i = 0; i < 10_000; i++) {
			body.append((i > 0) ? "," : "").append("{\"name\":\"\"}");
		}
		body.append("]}");
		Http.Response response = this.http.send("POST", "/public/orders/batch", body.toString(), "Content-Type",
				"application/json");
		JsonNode json = assertError(response, 422, "validation_failed");
		assertThat(json.get("fields").size()).isEqualTo(100);
		assertThat(json.get("message").asString()).contains("100 of 10000");
		assertThat(response.body().length()).isLessThan(10_000);
	}

	@Test
	void tenThousandFieldsOfATypedValidationExceptionAreCapped() {
		Http.Response response = this.http.get("/public/orders/typed-fields?count=10000");
		JsonNode json = assertError(response, 422, "validation_failed");
		assertThat(json.get("fields").size()).isEqualTo(100);
		assertThat(json.get("message").asString()).startsWith("The order is invalid.").contains("100 of 10000");
		assertThat(response.body().length()).isLessThan(10_000);
	}

	@Test
	void typedValidationExceptionUnderTheCapIsUnchanged() {
		Http.Response response = this.http.get("/public/orders/typed-fields?count=3");
		JsonNode json = assertError(response, 422, "validation_failed");
		assertThat(json.get("fields").size()).isEqualTo(3);
		assertThat(json.get("message").asString()).isEqualTo("The order is invalid.");
	}

	private void assertAborted(String path, char filler, CapturedOutput output) {
		Exchange exchange = exchange(path);
		assertThat(exchange.head()).startsWith("HTTP/1.1 200");
		assertThat(exchange.body()).contains(String.valueOf(filler).repeat(1000))
			.doesNotContain("internal_error", "handled_by", "<html");
		assertThat(exchange.terminated()).as("a clean abort has no terminating chunk").isFalse();
		List<String> problems = Hostile.problems(output);
		assertThat(problems).singleElement().asString().contains("request_id=").contains("committed");
	}

	private Exchange exchange(String path) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(RawHttp.ascii("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
			out.flush();
			InputStream in = socket.getInputStream();
			String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			int end = all.indexOf("\r\n\r\n");
			return new Exchange(all.substring(0, end), all.substring(end + 4));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	record Exchange(String head, String body) {

		boolean terminated() {
			return this.body.endsWith("\r\n0\r\n\r\n");
		}

	}

}
