package dev.apierrors.it.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.hostile.Hostile.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile request bodies: each is answered with its documented 4xx, never with Jackson's or Java's text, a class
 * name, or the rejected value echoed raw.
 */
@HostileTest
class BodyHostileTests {

	private static final String ORDERS = "/public/orders";

	@LocalServerPort
	int port;

	Http http;

	RawHttp raw;

	@BeforeEach
	void clients() {
		this.http = new Http(this.port);
		this.raw = new RawHttp(this.port);
	}

	private Http.Response postJson(String body) {
		return this.http.send("POST", ORDERS, body, "Content-Type", "application/json");
	}

	@Test
	void validOrderIsAccepted() {
		Http.Response response = postJson("{\"item\":\"book\",\"quantity\":2}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("item").asString()).isEqualTo("book");
	}

	@Test
	void malformedJsonIsInvalidJson() {
		JsonNode json = assertError(postJson("{\"item\": \"book\", quantity: }"), 400, "invalid_json");
		assertThat(json.get("message").asString()).isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void trailingGarbageIsInvalidJson() {
		Http.Response response = postJson("{\"item\":\"book\",\"quantity\":2} trailing-garbage");
		assertError(response, 400, "invalid_json");
		assertThat(response.body()).doesNotContain("trailing-garbage");
	}

	@Test
	void invalidUtf8IsInvalidJson() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("{\"item\":\"".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE });
		body.writeBytes("\",\"quantity\":1}".getBytes(StandardCharsets.US_ASCII));
		Http.Response response = this.raw.exchange(post(ORDERS, "application/json", body.toByteArray()));
		assertError(response, 400, "invalid_json");
	}

	@Test
	void nesting100000LevelsDeepIsInvalidJson() {
		String body = "[".repeat(100_000) + "]".repeat(100_000);
		Http.Response response = postJson(body);
		JsonNode json = assertError(response, 400, "invalid_json");
		assertThat(json.get("message").asString()).isEqualTo("The request body is not valid JSON.");
		assertThat(response.body()).doesNotContain("nesting", "depth", "[[");
	}

	@Test
	void objectNesting100000LevelsDeepIsInvalidJson() {
		String body = "{\"item\":".repeat(100_000) + "1" + "}".repeat(100_000);
		Http.Response response = postJson(body);
		JsonNode json = assertError(response, 400, response.json().get("error").asString());
		assertThat(json.get("error").asString()).isIn("invalid_json", "invalid_field");
		assertThat(response.body()).doesNotContain("{\\\"item");
	}

	@Test
	void numberWith10000DigitsIsRejectedWithoutEcho() {
		String digits = "9".repeat(10_000);
		Http.Response response = postJson("{\"item\":\"book\",\"quantity\":" + digits + "}");
		assertThat(response.status()).isEqualTo(400);
		JsonNode json = assertError(response, 400, response.json().get("error").asString());
		assertThat(json.get("error").asString()).isIn("invalid_json", "invalid_field");
		assertThat(response.body()).doesNotContain("9999", "Number", "length");
	}

	@Test
	void multiMegabyteStringIsRejectedWithoutEcho() {
		String huge = "m".repeat(3 * 1024 * 1024);
		Http.Response response = postJson("{\"item\":\"" + huge + "\",\"quantity\":1}");
		JsonNode json = assertError(response, 422, "validation_failed");
		assertThat(json.get("fields").get("item").asString()).isEqualTo("size must be between 0 and 50");
		assertThat(response.body().length()).isLessThan(1_000);
	}

	@Test
	void unknownFieldIsNamedButItsValueNeverEchoed() {
		Http.Response response = postJson("{\"item\":\"book\",\"quantity\":1,\"<b>admin</b>\":\"s3cr3t-value\"}");
		JsonNode json = assertError(response, 400, "invalid_field");
		assertThat(json.get("fields").propertyNames()).containsExactly("<b>admin</b>");
		assertThat(response.body()).doesNotContain("s3cr3t-value", "<b>");
	}

	@Test
	void wrongTypedFieldNamesTheKindNotTheJavaType() {
		Http.Response response = postJson("{\"item\":\"book\",\"quantity\":\"lots-of-them\"}");
		JsonNode json = assertError(response, 400, "invalid_field");
		assertThat(json.get("fields").get("quantity").asString()).isEqualTo("must be an integer");
		assertThat(response.body()).doesNotContain("lots-of-them", "int ", "Integer");
	}

	@Test
	void emptyBodyIsMissingBody() {
		JsonNode json = assertError(postJson(""), 400, "invalid_json");
		assertThat(json.get("message").asString()).isEqualTo("The request body is missing.");
	}

	@Test
	void wrongContentTypeIs415WithAccept() {
		Http.Response response = this.http.send("POST", ORDERS, "<order><item>book</item></order>", "Content-Type",
				"application/xml");
		assertError(response, 415, "unsupported_media_type");
		assertThat(response.header("Accept")).contains("application/json");
		assertThat(response.body()).doesNotContain("order>");
	}

	@Test
	void unknownCharsetIsAClientError() {
		Http.Response response = this.http.send("POST", ORDERS, "{\"item\":\"book\",\"quantity\":1}", "Content-Type",
				"application/json;charset=x-no-such-charset");
		JsonNode json = assertError(response, response.status(), response.json().get("error").asString());
		assertThat(response.status()).isBetween(400, 499);
		assertThat(json.get("message").asString()).doesNotContain("x-no-such-charset");
	}

	@Test
	void failingMessageSourceNeverBreaksTheAnswer() {
		Http.Response response = this.http.send("POST", "/public/faults/orders",
				"{\"item\":\"book\",\"quantity\":1,\"note\":\"too long\"}", "Content-Type", "application/json");
		JsonNode json = assertError(response, response.status(), response.json().get("error").asString());
		assertThat(response.status()).isIn(422, 500);
		assertThat(response.body()).doesNotContain("/etc/secret", "bundle", "hostile.trap");
		assertThat(json.get("error").asString()).isIn("validation_failed", "internal_error");
	}

	static byte[] post(String target, String contentType, byte[] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(RawHttp.ascii("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
				+ "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n"));
		request.writeBytes(body);
		return request.toByteArray();
	}

}
