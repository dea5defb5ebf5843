package dev.apierrors.idempotency;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.apierrors.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link IdempotencyKeys}: the RFC 8941 sf-string and bare forms of the header, and key scoping.
 */
class IdempotencyKeysTests {

	@Test
	void quotedKeyIsUnquoted() {
		assertThat(IdempotencyKeys.parse(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
			.isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
	}

	@Test
	void bareKeyIsAcceptedAsSent() {
		assertThat(IdempotencyKeys.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
			.isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(IdempotencyKeys.parse(List.of(" \t\"abc\" "))).isEqualTo("abc");
		assertThat(IdempotencyKeys.parse(List.of("  abc\t"))).isEqualTo("abc");
	}

	@Test
	void quotedKeyKeepsSpacesAndEscapedQuotesAndBackslashes() {
		assertThat(IdempotencyKeys.parse(List.of("\"a b \\\"c\\\" \\\\ d\""))).isEqualTo("a b \"c\" \\ d");
	}

	@Test
	void longestKeysAreAccepted() {
		String longest = "k".repeat(255);
		assertThat(IdempotencyKeys.parse(List.of(longest))).isEqualTo(longest);
		assertThat(IdempotencyKeys.parse(List.of("\"" + longest + "\""))).isEqualTo(longest);
		// Escapes count as the character they stand for.
		String escaped = "\\\\".repeat(255);
		assertThat(IdempotencyKeys.parse(List.of("\"" + escaped + "\""))).hasSize(255);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\"\"", "\"abc", "abc\"", "\"abc\"def", "\"abc\";p=1", "\"a\\nb\"", "\"a\\\"",
			"a b", "a,b", "a;b", "a\\b", "a\"b", "caf\u00e9", "\"caf\u00e9\"", "\"tab\there\"", "\u0001", "a\u007fb" })
	void malformedKeysAreRefused(String value) {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> IdempotencyKeys.parse(List.of(value)))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo("idempotency_key_invalid");
				assertThat(ex.getStatusCode().value()).isEqualTo(400);
			});
	}

	@Test
	void overlongKeysAreRefused() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> IdempotencyKeys.parse(List.of("k".repeat(256))));
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> IdempotencyKeys.parse(List.of("\"" + "k".repeat(256) + "\"")));
	}

	@Test
	void severalHeaderLinesAreRefused() {
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> IdempotencyKeys.parse(List.of("a", "b")))
			.extracting(BadRequestException::getCode)
			.isEqualTo("idempotency_key_invalid");
	}

	@Test
	void sameKeyOfTwoPrincipalsIsTwoKeys() {
		assertThat(IdempotencyKeys.scoped("alice", "k1")).isNotEqualTo(IdempotencyKeys.scoped("bob", "k1"))
			.isNotEqualTo(IdempotencyKeys.scoped(null, "k1"));
		assertThat(IdempotencyKeys.scoped("alice", "k1")).isEqualTo(IdempotencyKeys.scoped("alice", "k1"));
	}

	@Test
	void scopedKeyHoldsNoPrincipalNameAndCannotBeForged() {
		assertThat(IdempotencyKeys.scoped("alice", "k1")).doesNotContain("alice").endsWith(":k1");
		// A principal name with the separator in it does not collide with another principal's key.
		assertThat(IdempotencyKeys.scoped("a:b", "c")).isNotEqualTo(IdempotencyKeys.scoped("a", "b:c"));
		assertThat(IdempotencyKeys.scoped(null, "k1")).isEqualTo("~:k1");
		assertThat(IdempotencyKeys.scoped("~", "k1")).isNotEqualTo("~:k1");
	}

}
