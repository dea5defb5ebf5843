package dev.apierrors.autoconfigure.aot;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link BuildTimeSettings}.
 */
class BuildTimeSettingsTests {

	@Test
	void unsetSettingsAreRecordedWithTheirDefaults() {
		assertThat(BuildTimeSettings.of(new MockEnvironment())).containsExactly(
				entry("api.errors.enabled", "true"),
				entry("api.errors.idempotency.enabled", "true"),
				entry("api.errors.idempotency.store", "auto"),
				entry("api.errors.client.decode", "true"));
	}

	@Test
	void sameValuesAsAtBuildTimeStartUp() {
		MockEnvironment environment = new MockEnvironment().withProperty("api.errors.enabled", " TRUE ")
			.withProperty("api.errors.idempotency.store", "Memory");
		assertThatNoException().isThrownBy(() -> BuildTimeSettings.check(environment, "api.errors.enabled", "true",
				"api.errors.idempotency.store", "memory", "api.errors.client.decode", "true"));
	}

	@Test
	void settingChangedSinceTheBuildFailsStartUpNamingIt() {
		MockEnvironment environment = new MockEnvironment().withProperty("api.errors.enabled", "false");
		assertThatIllegalStateException()
			.isThrownBy(() -> BuildTimeSettings.check(environment, "api.errors.enabled", "true",
					"api.errors.client.decode", "true"))
			.withMessageStartingWith("api.errors.enabled is 'false', but the application was processed ahead of "
					+ "time with 'true'.")
			.withMessageContaining("build the application again")
			.withMessageNotContaining("client.decode");
	}

	@Test
	void settingUnsetAtRunTimeIsComparedByItsDefault() {
		assertThatIllegalStateException()
			.isThrownBy(() -> BuildTimeSettings.check(new MockEnvironment(), "api.errors.idempotency.store", "redis"))
			.withMessageStartingWith("api.errors.idempotency.store is 'auto'");
	}

}
