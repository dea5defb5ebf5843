package dev.apierrors.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace of a failed request, with the OpenTelemetry tracer: its server span carries the status and
 * {@code error.code}; a 5xx also fails the span with the exception, a 4xx does not (the client erred, not the
 * server); and with {@code api.errors.request-id.source=trace-id} the request id is the span's trace id.
 */
@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0", "api.errors.request-id.source=trace-id" })
class ErrorTracingTests {

	private static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("error.code");

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	InMemorySpanExporter exporter;

	@Autowired
	SdkTracerProvider tracerProvider;

	@BeforeEach
	void forgetEarlierSpans() {
		this.tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
		this.exporter.reset();
	}

	@Test
	void serverFailureFailsTheSpanWithTheException() throws Exception {
		HttpResponse<String> response = get("/crash");
		assertThat(response.statusCode()).isEqualTo(500);
		SpanData span = serverSpan("/crash");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(span.getAttributes().get(ERROR_CODE)).isEqualTo("internal_error");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("500");
		assertThat(span.getEvents()).anySatisfy((event) -> {
			assertThat(event.getName()).isEqualTo("exception");
			assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
				.isEqualTo(IllegalStateException.class.getName());
		});
	}

	@Test
	void clientErrorCarriesStatusAndCodeWithoutFailingTheSpan() throws Exception {
		HttpResponse<String> response = get("/orders/7");
		assertThat(response.statusCode()).isEqualTo(404);
		SpanData span = serverSpan("/orders/{id}");
		assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		assertThat(span.getAttributes().get(ERROR_CODE)).isEqualTo("order_not_found");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("404");
		assertThat(span.getEvents()).noneMatch((event) -> event.getName().equals("exception"));
	}

	@Test
	void requestIdFromTheTraceIdFindsTheFailedRequestsTrace() throws Exception {
		HttpResponse<String> response = get("/crash");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).matches("[0-9a-f]{32}");
		assertThat(response.body()).contains("\"request_id\":\"" + requestId + "\"");
		assertThat(serverSpan("/crash").getTraceId()).isEqualTo(requestId);
	}

	private SpanData serverSpan(String uri) {
		return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
			List<SpanData> spans = this.exporter.getFinishedSpanItems()
				.stream()
				.filter((span) -> span.getKind() == SpanKind.SERVER)
				.filter((span) -> uri.equals(span.getAttributes().get(AttributeKey.stringKey("uri"))))
				.toList();
			return spans.isEmpty() ? null : spans.get(spans.size() - 1);
		}, (span) -> span != null);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
