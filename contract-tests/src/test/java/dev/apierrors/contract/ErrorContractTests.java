package dev.apierrors.contract;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.apierrors.test.ApiErrorResponseAssert;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the contract on both stacks, over real HTTP: the status, code, message, fields and headers, and the
 * uniform shape (members, content type, no-store, nosniff, request id header equal to the body's).
 */
class ErrorContractTests {

	static Stream<Arguments> casesOnEveryStack() {
		return ErrorCase.all().flatMap((row) -> Stream.of(Stack.values()).map((stack) -> Arguments.of(stack, row)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("casesOnEveryStack")
	void everyStackAnswersEveryCaseAsTheContractSays(Stack stack, ErrorCase row) {
		HttpResponse<String> response = row.send(stack.client());
		assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(row.status());
		if (row.code() == null) {
			assertThat(response.body()).isEmpty();
			assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			return;
		}
		ApiErrorResponseAssert error = assertThatApiError(response).isUniform().hasCode(row.code());
		if (row.message() != null) {
			error.hasMessage(row.message());
		}
		row.fields().forEach(error::hasFieldError);
		for (Map.Entry<String, String> header : row.responseHeaders().entrySet()) {
			if (header.getValue().equals("*")) {
				assertThat(response.headers().firstValue(header.getKey())).as(header.getKey()).isPresent();
			}
			else {
				error.hasHeader(header.getKey(), header.getValue());
			}
		}
	}

}
