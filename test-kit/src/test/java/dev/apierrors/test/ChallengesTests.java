package dev.apierrors.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apierrors.test.Challenges.Challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Reading {@code WWW-Authenticate} values as RFC 9110 challenges.
 */
class ChallengesTests {

	@Test
	void readsASchemeAlone() {
		assertThat(Challenges.parse(List.of("Bearer"))).containsExactly(new Challenge("Bearer", null, Map.of()));
	}

	@Test
	void readsQuotedAndTokenParametersWithLowerCaseNames() {
		assertThat(Challenges.parse(List.of("Bearer Realm=\"api\", error=invalid_token, "
				+ "error_description=\"The \\\"token\\\" expired, sorry.\"")))
			.containsExactly(new Challenge("Bearer", null, Map.of("realm", "api", "error", "invalid_token",
					"error_description", "The \"token\" expired, sorry.")));
	}

	@Test
	void readsSeveralChallengesInOneValueAndAcrossValues() {
		List<Challenge> challenges = Challenges
			.parse(List.of("Basic realm=\"users\", charset=\"UTF-8\", Bearer realm = \"api\"", "Negotiate"));
		assertThat(challenges).extracting(Challenge::scheme).containsExactly("Basic", "Bearer", "Negotiate");
		assertThat(challenges.get(0).parameters()).containsOnlyKeys("realm", "charset");
		assertThat(challenges.get(1).parameters()).containsExactly(Map.entry("realm", "api"));
	}

	@Test
	void readsAToken68() {
		assertThat(Challenges.parse(List.of("Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==, Basic realm=x")))
			.containsExactly(new Challenge("Negotiate", "YIIBhwYGKwYBBQUCoIIBezCCAXeg==", Map.of()),
					new Challenge("Basic", null, Map.of("realm", "x")));
	}

	@Test
	void refusesAnUnterminatedQuotedString() {
		assertThatIllegalArgumentException().isThrownBy(() -> Challenges.parse(List.of("Bearer realm=\"api")))
			.withMessage("expected the closing '\"' of a quoted-string at position 17 of 'Bearer realm=\"api'");
	}

	@Test
	void refusesParametersWithoutComma() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Challenges.parse(List.of("Bearer realm=\"api\" error=\"invalid_token\"")))
			.withMessageStartingWith("expected ',' between auth-params at position 19");
	}

	@Test
	void refusesAValueThatStartsWithoutAScheme() {
		assertThatIllegalArgumentException().isThrownBy(() -> Challenges.parse(List.of("=\"api\"")))
			.withMessageStartingWith("expected an auth-scheme at position 0");
	}

}
