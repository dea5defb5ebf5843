package dev.apierrors.autoconfigure;

import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

import dev.apierrors.NotFoundException;
import dev.apierrors.core.resolve.ExceptionMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks of {@code api.errors.mappings} entries by {@link Mappings}.
 */
class MappingsTests {

	private static final ClassLoader CLASS_LOADER = MappingsTests.class.getClassLoader();

	@Test
	void validEntryBecomesAMapping() {
		List<ExceptionMapping> mappings = Mappings
			.of(List.of(mapping(" java.util.NoSuchElementException ", 404, " item_missing ", " No such item. ")),
					CLASS_LOADER);
		assertThat(mappings).containsExactly(
				new ExceptionMapping(NoSuchElementException.class, 404, "item_missing", "No such item."));
	}

	@Test
	void blankCodeAndMessageFallBackToTheStatusDefaults() {
		List<ExceptionMapping> mappings = Mappings.of(List.of(mapping("java.util.NoSuchElementException", 404, " ", "")),
				CLASS_LOADER);
		assertThat(mappings.get(0).code()).isNull();
		assertThat(mappings.get(0).message()).isNull();
	}

	@Test
	void nestedClassMayBeNamedWithDollarOrDot() {
		String dollar = Outer.Nested.class.getName();
		String dot = Outer.Nested.class.getCanonicalName();
		List<ExceptionMapping> mappings = Mappings.of(List.of(mapping(dollar, 409, null, null)), CLASS_LOADER);
		assertThat(mappings.get(0).exception()).isEqualTo(Outer.Nested.class);
		mappings = Mappings.of(List.of(mapping(dot, 409, null, null)), CLASS_LOADER);
		assertThat(mappings.get(0).exception()).isEqualTo(Outer.Nested.class);
	}

	@Test
	void missingClassNameIsRejected() {
		assertInvalid(mapping(null, 404, null, null), "api.errors.mappings[1].exception", "is missing");
	}

	@Test
	void unknownClassIsRejected() {
		assertInvalid(mapping("com.example.Missing", 404, null, null), "api.errors.mappings[1].exception",
				"'com.example.Missing', which is not a class on the classpath");
	}

	@Test
	void classThatIsNoExceptionIsRejected() {
		assertInvalid(mapping("java.lang.String", 404, null, null), "api.errors.mappings[1].exception",
				"'java.lang.String', which is not an exception");
	}

	@Test
	void apiExceptionIsRejectedSinceItAnswersForItself() {
		assertInvalid(mapping(NotFoundException.class.getName(), 410, null, null), "api.errors.mappings[1].exception",
				"an ApiException that carries its own status and code");
	}

	@Test
	void missingStatusIsRejected() {
		assertInvalid(mapping("java.lang.IllegalStateException", 0, null, null), "api.errors.mappings[1].status",
				"is missing");
	}

	@Test
	void statusThatIsNoErrorIsRejected() {
		assertInvalid(mapping("java.lang.IllegalStateException", 302, null, null), "api.errors.mappings[1].status",
				"is 302, which is not an error status (400 to 599)");
		assertInvalid(mapping("java.lang.IllegalStateException", 600, null, null), "api.errors.mappings[1].status",
				"is 600");
	}

	@Test
	void codeThatIsNotSnakeCaseIsRejected() {
		for (String code : List.of("ItemMissing", "item-missing", "item__missing", "_item", "item_", "1item",
				"x".repeat(65))) {
			assertInvalid(mapping("java.lang.IllegalStateException", 409, code, null), "api.errors.mappings[1].code",
					"which is not snake_case");
		}
	}

	@Test
	void classMappedTwiceIsRejected() {
		assertInvalid(mapping("java.util.NoSuchElementException", 410, null, null), "api.errors.mappings[1].exception",
				"maps java.util.NoSuchElementException, which api.errors.mappings[0] maps already");
	}

	/** Put the entry second, after a valid one, so that the reported index is checked. */
	private static void assertInvalid(ApiErrorsProperties.Mapping entry, String property, String reason) {
		ApiErrorsProperties.Mapping valid = mapping("java.util.NoSuchElementException", 404, null, null);
		assertThatExceptionOfType(InvalidMappingException.class)
			.isThrownBy(() -> Mappings.of(List.of(valid, entry), CLASS_LOADER))
			.satisfies((ex) -> {
				assertThat(ex.getEntry()).isEqualTo("api.errors.mappings[1]");
				assertThat(ex.getPropertyName()).isEqualTo(property);
				assertThat(ex.getReason()).contains(reason);
				assertThat(ex.getMessage()).contains(property, reason);
			});
	}

	private static ApiErrorsProperties.Mapping mapping(String exception, int status, String code, String message) {
		ApiErrorsProperties.Mapping mapping = new ApiErrorsProperties.Mapping();
		mapping.setException(exception);
		mapping.setStatus(status);
		mapping.setCode(code);
		mapping.setMessage(message);
		return mapping;
	}

	static class Outer {

		static class Nested extends RuntimeException {

		}

	}

}
