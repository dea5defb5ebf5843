package dev.apierrors.contract;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two stacks answer each row of the contract with the same status, the same contract headers and the same
 * body, byte for byte: the request sends its own request id, which both honour.
 */
class SameAnswerOnBothStacksTests {

	private static final List<String> CONTRACT_HEADERS = List.of("Content-Type", "Content-Length", "Cache-Control",
			"X-Content-Type-Options", "X-Request-Id", "Retry-After", "WWW-Authenticate", "Allow", "Accept");

	static java.util.stream.Stream<ErrorCase> cases() {
		return ErrorCase.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void mvcAndWebFluxAnswerAlike(ErrorCase row) {
		ErrorCase identified = row.with("X-Request-Id", "contract-" + Math.abs(row.name().hashCode()));
		HttpResponse<String> mvc = identified.send(Stack.MVC.client());
		HttpResponse<String> webflux = identified.send(Stack.WEBFLUX.client());
		assertThat(webflux.statusCode()).isEqualTo(mvc.statusCode());
		assertThat(webflux.body()).isEqualTo(mvc.body());
		for (String header : CONTRACT_HEADERS) {
			assertThat(values(webflux, header)).as(header).isEqualTo(values(mvc, header));
		}
	}

	/**
	 * Return the values of a header as a sorted list of its comma-separated parts, so that {@code Allow: GET, HEAD}
	 * and {@code Allow: HEAD,GET} compare equal.
	 */
	private static List<String> values(HttpResponse<String> response, String header) {
		return response.headers()
			.allValues(header)
			.stream()
			.flatMap((value) -> header.equals("WWW-Authenticate") || header.equals("Content-Type")
					? java.util.stream.Stream.of(value.replace(" ", "").toLowerCase(Locale.ROOT))
					: Arrays.stream(value.split(",")).map(String::trim))
			.sorted()
			.collect(Collectors.toList());
	}

}
