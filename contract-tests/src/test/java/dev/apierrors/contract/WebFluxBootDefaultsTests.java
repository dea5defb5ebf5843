package dev.apierrors.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.apierrors.reactive.ApiErrorsWebExceptionHandler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's own WebFlux error handling steps aside, its ProblemDetails support included, and the trace id of a real
 * tracer becomes the request id when so configured.
 */
@SpringBootTest(classes = ContractApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
				"spring.webflux.problemdetails.enabled=true", "api.errors.request-id.source=trace-id",
				"management.tracing.sampling.probability=1.0" })
@AutoConfigureTracing
class WebFluxBootDefaultsTests {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void bootsErrorHandlerAndProblemDetailsHandlerStepAside() {
		assertThat(this.context.getBean(ErrorWebExceptionHandler.class)).isInstanceOf(ApiErrorsWebExceptionHandler.class);
		assertThat(this.context.getBeansOfType(ResponseEntityExceptionHandler.class).values())
			.noneMatch((handler) -> handler.getClass().getName().startsWith("org.springframework.boot"));
	}

	@Test
	void frameworkErrorsKeepTheUniformBodyWithProblemDetailsEnabled() throws Exception {
		assertThatApiError(get("/api/search?limit=5")).isUniform().hasStatus(400).hasCode("missing_parameter");
		assertThatApiError(get("/api/no/such/thing")).isUniform().hasStatus(404).hasCode("not_found");
	}

	@Test
	void traceIdIsTheRequestIdOfAnExchangeWithoutOne() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> response = get("/api/users/7", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
		assertThatApiError(response).isUniform().hasRequestId(traceId);
		HttpResponse<String> fresh = get("/api/users/7");
		assertThat(fresh.headers().firstValue("X-Request-Id").orElseThrow()).matches(TRACE_ID);
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
	}

}
