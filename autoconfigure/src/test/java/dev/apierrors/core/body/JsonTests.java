package dev.apierrors.core.body;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Json}.
 */
class JsonTests {

	@Test
	void plainTextIsWrittenAsIs() {
		assertThat(string("Item 42 was not found.")).isEqualTo("\"Item 42 was not found.\"");
	}

	@Test
	void quotesBackslashesAndControlCharactersAreEscaped() {
		assertThat(string("a\"b\\c\nd\re\tf\u0001g")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\"");
	}

	@Test
	void markupAndLineSeparatorsAreEscaped() {
		assertThat(string("<b>&\u2028\u2029")).isEqualTo("\"\\u003cb\\u003e\\u0026\\u2028\\u2029\"");
	}

	@Test
	void lonelySurrogatesAreReplacedAndPairsKept() {
		assertThat(string("x\ud83d\ude00y\ud83dz\ude00")).isEqualTo("\"x\ud83d\ude00y\\ufffdz\\ufffd\"");
	}

	@Test
	void utf8EncodesAsciiAndNonAsciiText() {
		StringBuilder ascii = new StringBuilder("{\"a\":1}");
		assertThat(Json.utf8(ascii)).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
		StringBuilder accented = new StringBuilder("{\"m\":\"Café \ud83d\ude00\"}");
		assertThat(Json.utf8(accented)).isEqualTo("{\"m\":\"Café \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void mapsAndListsAreWrittenInOrder() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("name", "must not be blank");
		value.put("tags", List.of(1, true, 2.5));
		StringBuilder out = new StringBuilder();
		Json.value(out, value);
		assertThat(out).hasToString("{\"name\":\"must not be blank\",\"tags\":[1,true,2.5]}");
	}

	private static String string(String value) {
		StringBuilder out = new StringBuilder();
		Json.string(out, value);
		return out.toString();
	}

}
