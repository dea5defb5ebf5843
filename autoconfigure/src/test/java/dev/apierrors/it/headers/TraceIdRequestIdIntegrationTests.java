package dev.apierrors.it.headers;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.headers.HeaderContract.assertErrorContract;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a real tracer (OpenTelemetry through Micrometer Tracing) and {@code api.errors.request-id.source=trace-id}:
 * the trace id becomes the request id of a request that brings none, tracing headers are left to the tracer,
 * and log lines keep Boot's trace and span ids beside the request id.
 */
@SpringBootTest(classes = HeadersApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "api.errors.request-id.source=trace-id", "management.tracing.sampling.probability=1.0" })
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class TraceIdRequestIdIntegrationTests {

	private static final String ID = "X-Request-Id";

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void requestIdIsTheTraceIdOfTheIncomingTraceContext() {
		String traceId = randomHex(32);
		Http.Response response = this.http.get("/public/echo", "traceparent", traceparent(traceId));
		assertThat(response.headerValues(ID)).containsExactly(traceId);
		assertThat(response.json().get("mdc").asString()).isEqualTo(traceId);
		assertThat(response.headerValues("traceparent")).isEmpty();
	}

	@Test
	void requestWithoutTraceContextGetsItsNewTraceIdAsId() {
		Http.Response first = this.http.get("/public/echo");
		Http.Response second = this.http.get("/public/echo");
		assertThat(first.header(ID)).matches(TRACE_ID).isNotEqualTo(second.header(ID));
		assertThat(first.json().get("mdc").asString()).isEqualTo(first.header(ID));
	}

	@Test
	void errorBodiesCarryTheTraceIdAsRequestId() {
		String traceId = randomHex(32);
		JsonNode json = assertErrorContract(this.http.get("/public/missing", "traceparent", traceparent(traceId)), ID,
				404, "not_found");
		assertThat(json.get("request_id").asString()).isEqualTo(traceId);
		JsonNode security = assertErrorContract(this.http.get("/private/me", "traceparent", traceparent(traceId)),
				ID, 401, "authentication_required");
		assertThat(security.get("request_id").asString()).isEqualTo(traceId);
	}

	@Test
	void logLinesKeepTraceAndSpanIdsBesideAnIncomingRequestId(CapturedOutput output) {
		String traceId = randomHex(32);
		String requestId = "gateway-" + UUID.randomUUID();
		String marker = UUID.randomUUID().toString();
		Http.Response response = this.http.get("/public/log?marker=" + marker, "traceparent", traceparent(traceId), ID,
				requestId);
		assertThat(response.headerValues(ID)).containsExactly(requestId);
		assertThat(output.getAll().lines().filter((line) -> line.endsWith("handling " + marker)))
			.singleElement()
			.asString()
			.containsPattern("\\[" + traceId + "-[0-9a-f]{16}-" + Pattern.quote(requestId) + "\\] ");
	}

	private static String traceparent(String traceId) {
		return "00-" + traceId + "-" + randomHex(16) + "-01";
	}

	private static String randomHex(int length) {
		StringBuilder hex = new StringBuilder(length);
		while (hex.length() < length) {
			hex.append(UUID.randomUUID().toString().replace("-", ""));
		}
		return hex.substring(0, length);
	}

}
