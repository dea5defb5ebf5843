package dev.apierrors.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http.server.requests}, read over HTTP from {@code /actuator/metrics} with Boot's own meter registry,
 * carries {@code error.code}: the code of a typed 404, a validation 422, Spring Security's 401, a filter's 500 and
 * an unknown route, {@code none} for a success, {@code other} for codes outside the catalog, whose number stays
 * bounded under 10,000 invented codes; and the starter adds no meter of its own. The cases run on Spring MVC (a
 * servlet filter fails) and on WebFlux (a {@code WebFilter} fails).
 */
class ErrorCodeMetricsTests {

	@Nested
	@SpringBootTest(classes = ObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "management.endpoints.web.exposure.include=metrics")
	class OnSpringMvc extends Cases {

	}

	@Nested
	@SpringBootTest(classes = ReactiveObservedApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { ReactiveObservedApplication.REACTIVE, "management.endpoints.web.exposure.include=metrics" })
	class OnWebFlux extends Cases {

	}

	abstract static class Cases {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final HttpClient client = HttpClient.newHttpClient();

		@LocalServerPort
		int port;

		@Test
		void typedNotFoundIsCountedByItsCode() throws Exception {
			assertThat(send("GET", "/orders/7", null).statusCode()).isEqualTo(404);
			eventually(() -> assertThat(count("error.code:order_not_found", "uri:/orders/{id}", "status:404"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void validationFailureIsCountedByItsCode() throws Exception {
			assertThat(send("POST", "/orders", "{\"item\":\"\",\"quantity\":0}").statusCode()).isEqualTo(422);
			eventually(() -> assertThat(count("error.code:validation_failed", "uri:/orders", "status:422"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void securitysUnauthenticatedIsCountedByItsCode() throws Exception {
			assertThat(send("GET", "/private/orders", null).statusCode()).isEqualTo(401);
			eventually(() -> assertThat(count("error.code:authentication_required", "status:401"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void filterFailureIsCountedAsAnInternalError() throws Exception {
			assertThat(send("GET", "/filter-failure", null).statusCode()).isEqualTo(500);
			eventually(() -> assertThat(count("error.code:internal_error", "status:500", "exception:IllegalStateException"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void handlerFailureIsCountedAsAnInternalErrorOfItsRoute() throws Exception {
			assertThat(send("GET", "/crash", null).statusCode()).isEqualTo(500);
			eventually(() -> assertThat(count("error.code:internal_error", "uri:/crash"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void unknownRouteIsCountedAsNotFound() throws Exception {
			assertThat(send("GET", "/no/such/route", null).statusCode()).isEqualTo(404);
			eventually(() -> assertThat(count("error.code:not_found", "status:404"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void successCarriesNone() throws Exception {
			assertThat(send("GET", "/orders/1", null).statusCode()).isEqualTo(200);
			eventually(() -> assertThat(count("error.code:none", "uri:/orders/{id}", "status:200"))
				.isGreaterThanOrEqualTo(1));
		}

		@Test
		void inventedCodesAreReportedAsOtherSoTheirNumberStaysBounded() throws Exception {
			int invented = 10_000;
			ExecutorService executor = Executors.newFixedThreadPool(8);
			try {
				List<Future<Integer>> statuses = new ArrayList<>();
				for (int i = 0; i < invented; i++) {
					String path = "/invented/invented_" + i;
					statuses.add(executor.submit(() -> send("GET", path, null).statusCode()));
				}
				for (Future<Integer> status : statuses) {
					assertThat(status.get()).isEqualTo(409);
				}
			}
			finally {
				executor.shutdownNow();
			}
			eventually(() -> assertThat(count("error.code:other", "uri:/invented/{code}")).isEqualTo(invented));
			// "none" comes from the actuator's own successful requests, recorded once their observation stops.
			eventually(() -> assertThat(errorCodeValues()).contains("other", "none"));
			assertThat(errorCodeValues()).hasSizeLessThan(20).noneMatch((value) -> value.startsWith("invented"));
		}

		private List<String> errorCodeValues() throws Exception {
			List<String> values = new ArrayList<>();
			for (JsonNode tag : metric().get("availableTags")) {
				if (tag.get("tag").asString().equals("error.code")) {
					tag.get("values").forEach((value) -> values.add(value.asString()));
				}
			}
			return values;
		}

		@Test
		void starterAddsNoMeterOfItsOwn() throws Exception {
			JsonNode names = JSON.readTree(send("GET", "/actuator/metrics", null).body()).get("names");
			List<String> all = new ArrayList<>();
			names.forEach((name) -> all.add(name.asString()));
			assertThat(all).contains("http.server.requests").noneMatch((name) -> name.contains("error"));
		}

		/**
		 * Assert until it holds: the response reaches the client before the server's filters unwind and the request's
		 * observation stops.
		 */
		private static void eventually(ThrowingRunnable assertion) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion);
		}

		private JsonNode metric(String... tags) throws Exception {
			StringBuilder path = new StringBuilder("/actuator/metrics/http.server.requests");
			for (int i = 0; i < tags.length; i++) {
				path.append((i == 0) ? '?' : '&').append("tag=").append(URLEncoder.encode(tags[i], StandardCharsets.UTF_8));
			}
			HttpResponse<String> response = send("GET", path.toString(), null);
			if (response.statusCode() == 404) {
				return null;
			}
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}

		private long count(String... tags) throws Exception {
			JsonNode metric = metric(tags);
			if (metric == null) {
				return 0;
			}
			for (JsonNode measurement : metric.get("measurements")) {
				if (measurement.get("statistic").asString().equals("COUNT")) {
					return measurement.get("value").asLong();
				}
			}
			return 0;
		}

		private HttpResponse<String> send(String method, String path, String body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
						: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
