package dev.apierrors.servlet.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.Reserved;
import dev.apierrors.idempotency.InMemoryIdempotencyStore;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CapturingResponse} and the stored response it makes.
 */
class CapturingResponseTests {

	private final MockHttpServletResponse target = new MockHttpServletResponse();

	private final CapturingResponse response = new CapturingResponse(this.target);

	private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

	private final Reserved reservation = (Reserved) this.store.reserve("k", "f", Duration.ofMinutes(1));

	@Test
	void passesEverythingThroughUntilCaptured() throws IOException {
		this.response.setHeader("X-Before", "1");
		this.response.getOutputStream().write('a');
		this.response.flushBuffer();
		assertThat(this.target.isCommitted()).isTrue();
		assertThat(this.target.getContentAsString()).isEqualTo("a");
		assertThat(this.response.isCapturing()).isFalse();
	}

	@Test
	void holdsTheBodyUntilComplete() throws IOException {
		capture();
		this.response.setContentType("application/json");
		this.response.setContentLength(999);
		this.response.getOutputStream().write("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
		this.response.flushBuffer();
		assertThat(this.target.isCommitted()).isFalse();
		assertThat(this.target.getContentAsByteArray()).isEmpty();
		this.response.complete();
		assertThat(this.target.getContentAsString()).isEqualTo("{\"id\":1}");
		assertThat(this.target.getContentLength()).isEqualTo(8);
		assertThat(this.target.isCommitted()).isTrue();
		assertThat(stored().response().body()).isEqualTo("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void storesTheHeadersTheApplicationSetButNotPerRequestOnes() throws IOException {
		this.response.setHeader("X-Request-Id", "outer");
		capture();
		this.response.setStatus(201);
		this.response.setContentType("application/json");
		this.response.setCharacterEncoding("UTF-8");
		this.response.addHeader("Location", "/payments/1");
		this.response.addHeader("X-Trace", "a");
		this.response.addHeader("X-Trace", "b");
		this.response.setIntHeader("X-Count", 3);
		this.response.addHeader("Set-Cookie", "session=secret");
		this.response.addHeader("Access-Control-Allow-Origin", "https://a.example");
		this.response.setHeader("Content-Length", "10");
		this.response.setHeader("Date", "Tue, 01 Dec 2026 10:00:00 GMT");
		this.response.getWriter().write("caf\u00e9");
		this.response.complete();
		Completed stored = stored();
		HttpHeaders headers = stored.response().headers();
		assertThat(stored.response().status()).isEqualTo(201);
		assertThat(headers.headerNames()).containsExactly("Content-Type", "Location", "X-Trace", "X-Count");
		assertThat(headers.getFirst("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		assertThat(headers.get("X-Trace")).containsExactly("a", "b");
		assertThat(new String(stored.response().body(), StandardCharsets.UTF_8)).isEqualTo("caf\u00e9");
		assertThat(this.target.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("caf\u00e9");
		assertThat(this.target.getCookies()).isNotEmpty();
	}

	@Test
	void serverErrorReleasesTheKey() throws IOException {
		capture();
		this.response.setStatus(503);
		this.response.complete();
		assertThat(this.store.reserve("k", "f", Duration.ofMinutes(1))).isInstanceOf(Reserved.class);
	}

	@Test
	void sendErrorReleasesTheKeyAndLeavesTheBodyToTheContainer() throws IOException {
		capture();
		this.response.getOutputStream().write('x');
		this.response.sendError(404);
		this.response.complete();
		assertThat(this.target.getErrorMessage()).isNull();
		assertThat(this.target.getStatus()).isEqualTo(404);
		assertThat(this.target.getContentAsByteArray()).isEmpty();
		assertThat(this.store.reserve("k", "f", Duration.ofMinutes(1))).isInstanceOf(Reserved.class);
	}

	@Test
	void redirectIsStoredWithItsLocation() throws IOException {
		capture();
		this.response.sendRedirect("/payments/1");
		this.response.complete();
		Completed stored = stored();
		assertThat(stored.response().status()).isEqualTo(302);
		assertThat(stored.response().headers().getFirst("Location")).isEqualTo("/payments/1");
	}

	@Test
	void failureReleasesTheKeyAndWritesNothing() throws IOException {
		capture();
		this.response.getOutputStream().write('x');
		this.response.fail("test");
		this.response.complete();
		assertThat(this.target.getContentAsByteArray()).isEmpty();
		assertThat(this.store.reserve("k", "f", Duration.ofMinutes(1))).isInstanceOf(Reserved.class);
	}

	@Test
	void resetForgetsWhatWasHeld() throws IOException {
		capture();
		this.response.addHeader("X-Gone", "1");
		this.response.getOutputStream().write('x');
		this.response.reset();
		this.response.getOutputStream().write('y');
		this.response.complete();
		assertThat(this.target.getContentAsString()).isEqualTo("y");
		assertThat(stored().response().headers().headerNames()).isEmpty();
	}

	@Test
	void replayableStatuses() {
		assertThat(IdempotentExecution.isReplayable(200)).isTrue();
		assertThat(IdempotentExecution.isReplayable(201)).isTrue();
		assertThat(IdempotentExecution.isReplayable(303)).isTrue();
		assertThat(IdempotentExecution.isReplayable(400)).isTrue();
		assertThat(IdempotentExecution.isReplayable(409)).isTrue();
		assertThat(IdempotentExecution.isReplayable(422)).isTrue();
		assertThat(IdempotentExecution.isReplayable(401)).isFalse();
		assertThat(IdempotentExecution.isReplayable(408)).isFalse();
		assertThat(IdempotentExecution.isReplayable(425)).isFalse();
		assertThat(IdempotentExecution.isReplayable(429)).isFalse();
		assertThat(IdempotentExecution.isReplayable(500)).isFalse();
		assertThat(IdempotentExecution.isReplayable(503)).isFalse();
	}

	private void capture() {
		this.response.capture(new IdempotentExecution(this.store, this.reservation, Duration.ofHours(1)));
	}

	private Completed stored() {
		return (Completed) this.store.reserve("k", "f", Duration.ofMinutes(1));
	}

}
