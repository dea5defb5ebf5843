package dev.apierrors.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apierrors.UpstreamErrorException;
import dev.apierrors.core.catalog.ErrorCatalog;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link UpstreamErrorDecoder} recognises as an error body of another service, what it derives, and what it
 * leaves to Spring's exceptions.
 */
class UpstreamErrorDecoderTests {

	private static final URI URI = java.net.URI.create("https://user:secret@users.internal/users/7?token=abc");

	private final UpstreamErrorDecoder decoder = new UpstreamErrorDecoder("X-Request-Id", new ErrorCatalog(Map.of()));

	@Test
	void simpleFormatIsDecoded() {
		UpstreamErrorException ex = decode(404, MediaType.APPLICATION_JSON,
				"{\"error\":\"user_not_found\",\"message\":\"No user has id 7.\",\"request_id\":\"up-1\"}");
		assertThat(ex).isNotNull();
		assertThat(ex.getStatusCode().value()).isEqualTo(404);
		assertThat(ex.getCode()).isEqualTo("user_not_found");
		assertThat(ex.getUpstreamMessage()).isEqualTo("No user has id 7.");
		assertThat(ex.getRequestId()).isEqualTo("up-1");
		assertThat(ex.getFields()).isEmpty();
		assertThat(ex.getRetryAfter()).isNull();
	}

	@Test
	void problemDetailsFormatOfTheStarterIsDecoded() {
		UpstreamErrorException ex = decode(422, MediaType.APPLICATION_PROBLEM_JSON,
				"{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"Bad user.\","
						+ "\"instance\":\"/users\",\"error\":\"validation_failed\",\"request_id\":\"up-2\","
						+ "\"fields\":{\"email\":\"must be valid\"},\"retry_after\":3}");
		assertThat(ex.getCode()).isEqualTo("validation_failed");
		assertThat(ex.getUpstreamMessage()).isEqualTo("Bad user.");
		assertThat(ex.getFields()).containsExactly(Map.entry("email", "must be valid"));
		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void problemWithoutCodeTakesItFromTheTypeOrTheStatus() {
		assertThat(decode(403, MediaType.APPLICATION_PROBLEM_JSON,
				"{\"type\":\"https://example.com/probs/out-of-credit\",\"title\":\"No credit.\"}").getCode())
			.isEqualTo("out_of_credit");
		UpstreamErrorException blank = decode(409, MediaType.APPLICATION_PROBLEM_JSON, "{\"type\":\"about:blank\"}");
		assertThat(blank.getCode()).isEqualTo("conflict");
		assertThat(blank.getUpstreamMessage()).isEqualTo(new ErrorCatalog(Map.of()).message(409));
		assertThat(decode(400, MediaType.APPLICATION_PROBLEM_JSON, "{\"type\":\"urn:problem:Bad Thing!\"}").getCode())
			.isEqualTo("bad_request");
	}

	@Test
	void problemSentAsPlainJsonIsRecognisedByItsStatusAndTitle() {
		UpstreamErrorException ex = decode(404, MediaType.APPLICATION_JSON,
				"{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No order 9.\"}");
		assertThat(ex.getCode()).isEqualTo("not_found");
		assertThat(ex.getUpstreamMessage()).isEqualTo("No order 9.");
	}

	@Test
	void otherJsonBodiesAreNotDecoded() {
		// Spring Boot's own error body: "error" is a reason phrase, not a code.
		assertThat(decode(404, MediaType.APPLICATION_JSON,
				"{\"timestamp\":\"2026-01-01T00:00:00Z\",\"status\":404,\"error\":\"Not Found\",\"path\":\"/x\"}"))
			.isNull();
		// OAuth 2 errors have no message.
		assertThat(decode(400, MediaType.APPLICATION_JSON,
				"{\"error\":\"invalid_grant\",\"error_description\":\"Expired.\"}")).isNull();
		// A code and a message, but no request id: not one of our bodies.
		assertThat(decode(400, MediaType.APPLICATION_JSON, "{\"error\":\"bad\",\"message\":\"Bad.\"}")).isNull();
		assertThat(decode(400, MediaType.APPLICATION_JSON, "[1,2,3]")).isNull();
		assertThat(decode(400, MediaType.APPLICATION_JSON, "\"error\"")).isNull();
	}

	@Test
	void otherContentTypesStatusesAndMalformedBodiesAreNotDecoded() {
		String ours = "{\"error\":\"user_not_found\",\"message\":\"No user.\",\"request_id\":\"up-1\"}";
		assertThat(decode(404, MediaType.TEXT_PLAIN, ours)).isNull();
		assertThat(decode(404, MediaType.TEXT_HTML, ours)).isNull();
		assertThat(decode(404, (MediaType) null, ours)).isNull();
		assertThat(decode(200, MediaType.APPLICATION_JSON, ours)).isNull();
		assertThat(decode(404, MediaType.APPLICATION_JSON, "{\"error\":")).isNull();
		assertThat(decode(404, MediaType.APPLICATION_JSON, "")).isNull();
		assertThat(decode(404, MediaType.APPLICATION_JSON, ours + " trailing")).isNull();
	}

	@Test
	void hostileBodiesAreNotDecodedAndDoNotFail() {
		assertThat(decode(500, MediaType.APPLICATION_JSON, "[".repeat(100_000))).isNull();
		assertThat(decode(500, MediaType.APPLICATION_JSON,
				"{\"error\":\"x\",\"message\":\"" + "a".repeat(UpstreamErrorDecoder.MAX_BODY) + "\"}")).isNull();
		assertThat(decode(500, MediaType.APPLICATION_JSON, "{\"n\":" + "9".repeat(10_000) + "}")).isNull();
		HttpHeaders huge = headers(MediaType.APPLICATION_JSON);
		huge.setContentLength(UpstreamErrorDecoder.MAX_BODY + 1);
		assertThat(this.decoder.isCandidate(HttpStatusCode.valueOf(500), huge)).isFalse();
	}

	@Test
	void textIsCutAndTheMessageOfTheExceptionIsEscaped() {
		UpstreamErrorException ex = decode(404, MediaType.APPLICATION_JSON,
				"{\"error\":\"user_not_found\",\"message\":\"line\\r\\nINFO forged " + "x".repeat(2000)
						+ "\",\"request_id\":\"up-1\"}");
		assertThat(ex.getUpstreamMessage()).hasSize(1003).endsWith("...");
		assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n").contains("\\u000d\\u000a");
		assertThat(ex.getMessage()).startsWith("Upstream GET https://users.internal/users/7 answered 404")
			.doesNotContain("secret")
			.doesNotContain("token");
	}

	@Test
	void requestIdHeaderWinsAndInvalidIdsAreDropped() {
		HttpHeaders headers = headers(MediaType.APPLICATION_JSON);
		headers.set("X-Request-Id", "from-header");
		String body = "{\"error\":\"user_not_found\",\"message\":\"No.\",\"request_id\":\"from-body\"}";
		assertThat(decode(404, headers, body).getRequestId()).isEqualTo("from-header");
		headers.set("X-Request-Id", "<script>");
		assertThat(decode(404, headers, body).getRequestId()).isEqualTo("from-body");
		assertThat(decode(404, MediaType.APPLICATION_JSON,
				"{\"error\":\"user_not_found\",\"message\":\"No.\",\"request_id\":\"a b\"}").getRequestId()).isNull();
	}

	@Test
	void retryAfterHeaderInSecondsOrAsDateWinsOverTheBody() {
		String body = "{\"error\":\"service_unavailable\",\"message\":\"Later.\",\"request_id\":\"up\",\"retry_after\":5}";
		HttpHeaders headers = headers(MediaType.APPLICATION_JSON);
		assertThat(decode(503, headers, body).getRetryAfter()).isEqualTo(Duration.ofSeconds(5));
		headers.set(HttpHeaders.RETRY_AFTER, "120");
		assertThat(decode(503, headers, body).getRetryAfter()).isEqualTo(Duration.ofSeconds(120));
		headers.set(HttpHeaders.RETRY_AFTER, DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(600)));
		assertThat(decode(503, headers, body).getRetryAfter()).isBetween(Duration.ofSeconds(590),
				Duration.ofSeconds(600));
		headers.set(HttpHeaders.RETRY_AFTER, "soon");
		assertThat(decode(503, headers, body).getRetryAfter()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void fieldsAreCapped() {
		StringBuilder fields = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			fields.append((i > 0) ? "," : "").append("\"f").append(i).append("\":\"bad\"");
		}
		UpstreamErrorException ex = decode(422, MediaType.APPLICATION_JSON,
				"{\"error\":\"validation_failed\",\"message\":\"Bad.\",\"request_id\":\"up\",\"fields\":{" + fields
						+ "}}");
		assertThat(ex.getFields()).hasSize(100);
	}

	@Test
	void responseBodyIsKeptForTheLogButNotInTheMessage() {
		UpstreamErrorException ex = decode(500, MediaType.APPLICATION_JSON,
				"{\"error\":\"internal_error\",\"message\":\"Oops.\",\"request_id\":\"up\",\"secret\":\"s3cr3t\"}");
		assertThat(ex.getResponseBody()).contains("s3cr3t");
		assertThat(ex.getMessage()).doesNotContain("s3cr3t");
		assertThat(ex.toString()).doesNotContain("s3cr3t");
	}

	@Test
	void codeFromTypeTakesTheLastSegment() {
		assertThat(UpstreamErrorDecoder.codeFromType("https://docs.example.com/errors/user_not_found"))
			.isEqualTo("user_not_found");
		assertThat(UpstreamErrorDecoder.codeFromType("https://docs.example.com/errors#rate-limited/"))
			.isEqualTo("rate_limited");
		assertThat(UpstreamErrorDecoder.codeFromType("about:blank")).isNull();
		assertThat(UpstreamErrorDecoder.codeFromType(42)).isNull();
	}

	private UpstreamErrorException decode(int status, MediaType contentType, String body) {
		return decode(status, headers(contentType), body);
	}

	private UpstreamErrorException decode(int status, HttpHeaders headers, String body) {
		return this.decoder.decode(HttpMethod.GET, URI, HttpStatusCode.valueOf(status), headers,
				body.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpHeaders headers(MediaType contentType) {
		HttpHeaders headers = new HttpHeaders();
		if (contentType != null) {
			headers.setContentType(contentType);
		}
		return headers;
	}

}
