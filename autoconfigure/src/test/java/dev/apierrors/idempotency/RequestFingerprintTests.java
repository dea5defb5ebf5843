package dev.apierrors.idempotency;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestFingerprint}.
 */
class RequestFingerprintTests {

	@Test
	void sameRequestHasTheSameFingerprint() {
		assertThat(fingerprint("POST", "/payments", null, "application/json", "{\"amount\":1}"))
			.isEqualTo(fingerprint("POST", "/payments", null, "application/json", "{\"amount\":1}"))
			.startsWith("sha256:")
			.hasSize("sha256:".length() + 43);
	}

	@Test
	void everyPartOfTheRequestCounts() {
		String base = fingerprint("POST", "/payments", "a=1", "application/json", "{}");
		assertThat(fingerprint("PATCH", "/payments", "a=1", "application/json", "{}")).isNotEqualTo(base);
		assertThat(fingerprint("POST", "/refunds", "a=1", "application/json", "{}")).isNotEqualTo(base);
		assertThat(fingerprint("POST", "/payments", "a=2", "application/json", "{}")).isNotEqualTo(base);
		assertThat(fingerprint("POST", "/payments", null, "application/json", "{}")).isNotEqualTo(base);
		assertThat(fingerprint("POST", "/payments", "a=1", "text/plain", "{}")).isNotEqualTo(base);
		assertThat(fingerprint("POST", "/payments", "a=1", "application/json", "{ }")).isNotEqualTo(base);
	}

	@Test
	void fieldsCannotRunIntoEachOther() {
		assertThat(fingerprint("POST", "/a", "b", null, "")).isNotEqualTo(fingerprint("POST", "/ab", null, null, ""));
		assertThat(RequestFingerprint.of("POST", "/", null, null).bodyField("ab").bodyField("c").build())
			.isNotEqualTo(RequestFingerprint.of("POST", "/", null, null).bodyField("a").bodyField("bc").build());
	}

	@Test
	void contentTypeIsComparedWithoutCaseAndWhitespace() {
		assertThat(fingerprint("POST", "/p", null, "application/json; charset=UTF-8", "{}"))
			.isEqualTo(fingerprint("POST", "/p", null, "Application/JSON;charset=utf-8", "{}"));
	}

	@Test
	void bodyMayBeAddedInPieces() {
		byte[] body = "{\"amount\":1}".getBytes(StandardCharsets.UTF_8);
		String whole = RequestFingerprint.of("POST", "/p", null, null).body(body, 0, body.length).build();
		String pieces = RequestFingerprint.of("POST", "/p", null, null).body(body, 0, 3).body(body, 3, body.length - 3)
			.build();
		assertThat(pieces).isEqualTo(whole);
	}

	private static String fingerprint(String method, String path, String query, String contentType, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return RequestFingerprint.of(method, path, query, contentType).body(bytes, 0, bytes.length).build();
	}

}
