package dev.apierrors;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the code check and the stack-trace choice of {@link ApiException}.
 */
class ApiExceptionCodeTests {

	private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

	private static final List<String> CANDIDATES = List.of("not_found", "a", "a1", "order_42_missing", "x_y_z",
			"", "_a", "a_", "a__b", "A", "notFound", "1abc", "a-b", "a b", "é", "a_B", "a_1", "abc_", "a".repeat(64),
			"a".repeat(65), "a_" + "b".repeat(62));

	@Test
	void codeCheckAcceptsExactlyWhatTheDocumentedPatternAccepts() {
		for (String code : CANDIDATES) {
			boolean documented = code.length() <= 64 && SNAKE_CASE.matcher(code).matches();
			if (documented) {
				assertThat(new ApiException(HttpStatus.CONFLICT, code, "m").getCode()).isEqualTo(code);
			}
			else {
				assertThatIllegalArgumentException().as(code)
					.isThrownBy(() -> new ApiException(HttpStatus.CONFLICT, code, "m"));
			}
		}
	}

	@Test
	void expectedClientErrorsSkipTheStackTrace() {
		assertThat(new NotFoundException("Item 1 was not found.").getStackTrace()).isEmpty();
	}

	@Test
	void serverErrorsKeepTheStackTrace() {
		assertThat(new ApiException(HttpStatus.BAD_GATEWAY, "upstream_failed", "m").getStackTrace()).isNotEmpty();
	}

}
