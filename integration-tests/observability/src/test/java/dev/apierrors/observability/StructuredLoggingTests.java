package dev.apierrors.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With each of Boot's structured console formats, the starter's error line is one JSON object that carries the
 * error code, the status and the request id as fields, and for a 5xx the exception; the message stays the plain
 * line. In ECS all of them nest in one {@code error} object. Each format's cases run on Spring MVC and on WebFlux.
 */
class StructuredLoggingTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@ExtendWith(OutputCaptureExtension.class)
	abstract static class Format {

		private final HttpClient client = HttpClient.newHttpClient();

		@LocalServerPort
		int port;

		String get(String path) throws Exception {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.headers().firstValue("X-Request-Id").orElseThrow();
		}

		/** Return the starter's JSON line of a request. */
		JsonNode line(CapturedOutput output, String requestId) {
			List<JsonNode> lines = output.getOut()
				.lines()
				.filter((line) -> line.startsWith("{") && line.contains("request_id=" + requestId))
				.map(JSON::readTree)
				.toList();
			assertThat(lines).as(output.getOut()).hasSize(1);
			return lines.get(0);
		}

	}

	@Nested
	@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "logging.structured.format.console=ecs", "api.errors.logging.levels.4xx=info" })
	class Ecs extends EcsCases {

	}

	@Nested
	@SpringBootTest(classes = ReactiveObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { ReactiveObservedApplication.REACTIVE, "logging.structured.format.console=ecs",
					"api.errors.logging.levels.4xx=info" })
	class EcsOnWebFlux extends EcsCases {

	}

	abstract static class EcsCases extends Format {

		@Test
		void serverErrorNestsCodeAndExceptionInOneErrorObject(CapturedOutput output) throws Exception {
			String requestId = get("/crash");
			JsonNode line = line(output, requestId);
			assertThat(line.at("/log/logger").asString()).isEqualTo("dev.apierrors");
			assertThat(line.at("/log/level").asString()).isEqualTo("ERROR");
			assertThat(line.get("message").asString()).isEqualTo(
					"GET /crash -> 500 internal_error: An unexpected error occurred. request_id=" + requestId);
			assertThat(line.get("request_id").asString()).isEqualTo(requestId);
			assertThat(line.at("/http/response/status_code").asInt()).isEqualTo(500);
			assertThat(line.at("/error/code").asString()).isEqualTo("internal_error");
			assertThat(line.at("/error/type").asString()).isEqualTo(IllegalStateException.class.getName());
			assertThat(line.at("/error/message").asString()).contains("Connection refused");
			assertThat(line.at("/error/stack_trace").asString()).contains("ObservedApplication");
		}

		@Test
		void clientErrorCarriesCodeStatusAndRequestId(CapturedOutput output) throws Exception {
			String requestId = get("/orders/7");
			JsonNode line = line(output, requestId);
			assertThat(line.at("/error/code").asString()).isEqualTo("order_not_found");
			assertThat(line.at("/http/response/status_code").asInt()).isEqualTo(404);
			assertThat(line.get("request_id").asString()).isEqualTo(requestId);
			assertThat(line.at("/error/type").isMissingNode()).isTrue();
		}

	}

	@Nested
	@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "logging.structured.format.console=logstash")
	class Logstash extends LogstashCases {

	}

	@Nested
	@SpringBootTest(classes = ReactiveObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { ReactiveObservedApplication.REACTIVE, "logging.structured.format.console=logstash" })
	class LogstashOnWebFlux extends LogstashCases {

	}

	abstract static class LogstashCases extends Format {

		@Test
		void serverErrorCarriesCodeStatusRequestIdAndStackTrace(CapturedOutput output) throws Exception {
			String requestId = get("/crash");
			JsonNode line = line(output, requestId);
			assertThat(line.get("logger_name").asString()).isEqualTo("dev.apierrors");
			assertThat(line.get("error.code").asString()).isEqualTo("internal_error");
			assertThat(line.get("http.response.status_code").asInt()).isEqualTo(500);
			assertThat(line.get("request_id").asString()).isEqualTo(requestId);
			assertThat(line.get("stack_trace").asString()).startsWith(IllegalStateException.class.getName());
		}

	}

	@Nested
	@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "logging.structured.format.console=gelf")
	class Gelf extends GelfCases {

	}

	@Nested
	@SpringBootTest(classes = ReactiveObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { ReactiveObservedApplication.REACTIVE, "logging.structured.format.console=gelf" })
	class GelfOnWebFlux extends GelfCases {

	}

	abstract static class GelfCases extends Format {

		@Test
		void serverErrorCarriesCodeStatusRequestIdAndStackTrace(CapturedOutput output) throws Exception {
			String requestId = get("/crash");
			JsonNode line = line(output, requestId);
			assertThat(line.get("_log_logger").asString()).isEqualTo("dev.apierrors");
			assertThat(line.get("_error.code").asString()).isEqualTo("internal_error");
			assertThat(line.get("_http.response.status_code").asInt()).isEqualTo(500);
			assertThat(line.get("_request_id").asString()).isEqualTo(requestId);
			assertThat(line.get("full_message").asString()).contains(IllegalStateException.class.getName());
		}

	}

}
