package dev.apierrors.servlet.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import dev.apierrors.ApiException;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CachedBodyRequest}.
 */
class CachedBodyRequestTests {

	@Test
	void bodyIsReadOnceAndThenServedToTheApplication() throws IOException {
		CachedBodyRequest request = new CachedBodyRequest(request("{\"amount\":1}"));
		assertThat(request.body(100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"amount\":1}");
		assertThat(request.body(100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"amount\":1}");
		assertThat(StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8)).isEqualTo("{\"amount\":1}");
		assertThat(request.getInputStream().isFinished()).isTrue();
	}

	@Test
	void readerUsesTheRequestEncoding() throws IOException {
		MockHttpServletRequest mock = request("caf\u00e9");
		mock.setCharacterEncoding("UTF-8");
		CachedBodyRequest request = new CachedBodyRequest(mock);
		request.body(100);
		assertThat(request.getReader().readLine()).isEqualTo("caf\u00e9");
	}

	@Test
	void bodyOverTheLimitIsRefused() {
		MockHttpServletRequest mock = request("x".repeat(11));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new CachedBodyRequest(mock).body(10))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(413);
				assertThat(ex.getCode()).isEqualTo("idempotency_body_too_large");
			});
	}

	@Test
	void bodyWithoutALengthIsCountedAsItIsRead() {
		HttpServletRequestWrapper chunked = new HttpServletRequestWrapper(request("x".repeat(11))) {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> new CachedBodyRequest(chunked).body(10))
			.extracting(ApiException::getCode)
			.isEqualTo("idempotency_body_too_large");
	}

	@Test
	void untouchedRequestReadsAsUsual() throws IOException {
		CachedBodyRequest request = new CachedBodyRequest(request("plain"));
		assertThat(StreamUtils.copyToString(request.getInputStream(), StandardCharsets.UTF_8)).isEqualTo("plain");
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
