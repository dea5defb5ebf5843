package dev.apierrors.test;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The response every source is normalised into, and how failure messages print it.
 */
class ResponseSnapshotTests {

	@Test
	void printsTheRequestStatusLineEveryHeaderValueAndTheBody() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Content-Type", "application/json");
		headers.add("Vary", "Origin");
		headers.add("Vary", "Accept");
		ResponseSnapshot snapshot = ResponseSnapshot.of(404, headers, bytes("{\"error\":\"not_found\"}"))
			.forRequest("GET", "/api/users/7");
		assertThat(snapshot).hasToString(String.format("GET /api/users/7 ->%nHTTP 404 Not Found%n"
				+ "Content-Type: application/json%nVary: Origin%nVary: Accept%n%n{\"error\":\"not_found\"}"));
	}

	@Test
	void printsAnUnknownStatusAndAMissingBody() {
		assertThat(ResponseSnapshot.of(599, new HttpHeaders(), null))
			.hasToString(String.format("HTTP 599%n%n(no body)"));
	}

	@Test
	void printsAtMost32KiBOfABody() {
		String body = "x".repeat(40 * 1024);
		assertThat(ResponseSnapshot.of(500, new HttpHeaders(), bytes(body)).toString())
			.endsWith(String.format("x%n(8192 more characters)"));
	}

	@Test
	void headerNamesAreCaseInsensitiveAndTheHeadersReadOnly() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "abc");
		ResponseSnapshot snapshot = ResponseSnapshot.of(404, headers, null);
		headers.add("x-request-id", "changed later");
		assertThat(snapshot.headerValues("X-Request-Id")).containsExactly("abc");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> snapshot.headers().add("X-Request-Id", "other"));
	}

	@Test
	void bodyIsCopiedAndDecodedAsUtf8() {
		byte[] body = bytes("{\"message\":\"Déjà vu\"}");
		ResponseSnapshot snapshot = ResponseSnapshot.of(400, new HttpHeaders(), body);
		body[0] = '[';
		assertThat(snapshot.bodyAsString()).isEqualTo("{\"message\":\"Déjà vu\"}");
		snapshot.body()[0] = '[';
		assertThat(snapshot.body()).startsWith('{');
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
