package dev.apierrors.servlet.idempotency;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the request id a replayed error body carries.
 */
class ReplayedRequestIdTests {

	@Test
	void errorBodyNamesTheRetrysRequestId() {
		assertThat(rewrite("{\"error\":\"conflict\",\"message\":\"m\",\"request_id\":\"first-1\"}", "first-1", "retry-2"))
			.isEqualTo("{\"error\":\"conflict\",\"message\":\"m\",\"request_id\":\"retry-2\"}");
	}

	@Test
	void onlyTheRequestIdMemberChanges() {
		assertThat(rewrite("{\"message\":\"first-1\",\"request_id\":\"first-1\"}", "first-1", "r"))
			.isEqualTo("{\"message\":\"first-1\",\"request_id\":\"r\"}");
	}

	@Test
	void otherBodiesAreLeftAlone() {
		assertThat(rewrite("{\"id\":7}", "first-1", "retry-2")).isEqualTo("{\"id\":7}");
		assertThat(rewrite("{\"request_id\":\"first-1\"}", null, "retry-2")).isEqualTo("{\"request_id\":\"first-1\"}");
		assertThat(rewrite("{\"request_id\":\"first-1\"}", "first-1", null)).isEqualTo("{\"request_id\":\"first-1\"}");
	}

	@Test
	void idThatWouldNeedEscapingIsNotWritten() {
		assertThat(rewrite("{\"request_id\":\"first-1\"}", "first-1", "a\"b")).isEqualTo("{\"request_id\":\"first-1\"}");
	}

	private static String rewrite(String body, String original, String current) {
		return new String(IdempotencyInterceptor.withRequestId(body.getBytes(StandardCharsets.UTF_8), original, current),
				StandardCharsets.UTF_8);
	}

}
