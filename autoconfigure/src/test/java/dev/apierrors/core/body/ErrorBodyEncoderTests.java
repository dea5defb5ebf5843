package dev.apierrors.core.body;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorBodyEncoder}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorBodyEncoderTests {

	private static final ErrorCatalog CATALOG = new ErrorCatalog(Map.of());

	private final ErrorBodyEncoder simple = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, CATALOG);

	@Test
	void simpleBodyHasCodeMessageAndRequestIdInThatOrder() {
		assertThat(text(this.simple, error(404, "item_not_found", "Item 42 was not found."))).isEqualTo(
				"{\"error\":\"item_not_found\",\"message\":\"Item 42 was not found.\",\"request_id\":\"req-1\"}");
	}

	@Test
	void problemDetailsBodyHasTypeTitleStatusDetailInstanceCodeAndRequestId() {
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.PROBLEM_DETAILS, "https://errors.example.com/",
				false, CATALOG);
		assertThat(text(encoder, error(404, "item_not_found", "Item 42 was not found."), "/items/42"))
			.isEqualTo("{\"type\":\"https://errors.example.com/item_not_found\",\"title\":\"Not Found\","
					+ "\"status\":404,\"detail\":\"Item 42 was not found.\",\"instance\":\"/items/42\","
					+ "\"error\":\"item_not_found\",\"request_id\":\"req-1\"}");
	}

	@Test
	void problemDetailsWithoutATypeBaseAreAboutBlank() {
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.PROBLEM_DETAILS, null, false, CATALOG);
		assertThat(text(encoder, error(404, "item_not_found", "x"))).startsWith("{\"type\":\"about:blank\",");
	}

	@Test
	void docUrlFieldsAndRetryAfterFollowTheRequestId() {
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, "https://errors.example.com/", true,
				CATALOG);
		ResolvedError error = ResolvedError.builder(422, "validation_failed", "Invalid.")
			.fields(Map.of("name", "must not be blank"))
			.build();
		error.prepare("req-1", 30, Set.of());
		assertThat(text(encoder, error)).isEqualTo("{\"error\":\"validation_failed\",\"message\":\"Invalid.\","
				+ "\"request_id\":\"req-1\",\"doc_url\":\"https://errors.example.com/validation_failed\","
				+ "\"fields\":{\"name\":\"must not be blank\"},\"retry_after\":30}");
	}

	@Test
	void quotesBackslashesAndControlCharactersAreEscaped() {
		assertThat(message(this.simple, "a\"b\\c\nd\re\tf\u0001g")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\"");
	}

	@Test
	void markupAndLineSeparatorsAreEscapedAndSlashesAreNot() {
		assertThat(message(this.simple, "</b>&\u2028\u2029"))
			.isEqualTo("\"\\u003c/b\\u003e\\u0026\\u2028\\u2029\"");
	}

	@Test
	void nonAsciiTextIsUtf8AndSurrogatePairsAreOneCharacter() {
		byte[] body = this.simple.encode(error(400, "bad_request", "Café \ud83d\ude00"), "/");
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"Café \ud83d\ude00\"");
	}

	@Test
	void lonelySurrogatesAreReplacedAndPairsKept() {
		assertThat(message(this.simple, "x\ud83d\ude00y\ud83dz\ude00")).isEqualTo("\"x\ud83d\ude00y\ufffdz\ufffd\"");
	}

	@Test
	void lonelySurrogatesInNamesTheMapperWritesAreReplacedToo() {
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, CATALOG,
				JsonMapper.builder().build());
		ResolvedError error = error(409, "conflict", "x");
		error.addMember("context", Map.of("k\udc00", List.of("v\ud800")));
		assertThat(text(encoder, error)).endsWith("\"context\":{\"k\ufffd\":[\"v\ufffd\"]}}");
	}

	@Test
	void membersWithoutAMapperAreWrittenAsJsonValuesOrTheirToString() {
		ResolvedError error = error(409, "conflict", "x");
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("name", "<must not be blank>");
		value.put("tags", List.of(1, true, 2.5, Double.NaN));
		value.put("since", LocalDate.of(2026, 12, 2));
		error.addMember("context", value);
		assertThat(text(this.simple, error)).endsWith("\"context\":{\"name\":\"\\u003cmust not be blank\\u003e\","
				+ "\"tags\":[1,true,2.5,null],\"since\":\"2026-12-02\"}}");
	}

	@Test
	void membersAreSerialisedByTheApplicationsMapperWithTheStartersEscapesAndNoIndentation() {
		JsonMapper mapper = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build();
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, CATALOG, mapper);
		ResolvedError error = error(409, "conflict", "x");
		error.addMember("holder", new Holder("<b>", 3));
		assertThat(text(encoder, error)).isEqualTo("{\"error\":\"conflict\",\"message\":\"x\",\"request_id\":\"req-1\","
				+ "\"holder\":{\"display_name\":\"\\u003cb\\u003e\",\"item_count\":3}}");
	}

	@Test
	void aMemberTheMapperCannotSerialiseIsWrittenAsItsToStringAndLoggedOnce(CapturedOutput output) {
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, CATALOG,
				JsonMapper.builder().build());
		for (int i = 0; i < 2; i++) {
			ResolvedError error = error(409, "conflict", "x");
			error.addMember("first", "kept");
			error.addMember("broken", new Broken());
			assertThat(text(encoder, error)).isEqualTo("{\"error\":\"conflict\",\"message\":\"x\",\"request_id\":\"req-1\","
					+ "\"first\":\"kept\",\"broken\":\"broken member\"}");
		}
		assertThat(output.getOut().split("could not be serialised by the application's JsonMapper", -1)).hasSize(2);
	}

	@Test
	void toAsciiEscapesEveryNonAsciiCharacter() {
		byte[] body = this.simple.encode(error(400, "bad_request", "Café \ud83d\ude00"), "/");
		assertThat(ErrorBodyEncoder.toAscii(body)).contains("\"Caf\\u00e9 \\ud83d\\ude00\"");
	}

	private static ResolvedError error(int status, String code, String message) {
		ResolvedError error = ResolvedError.builder(status, code, message).build();
		error.prepare("req-1", -1, Set.of());
		return error;
	}

	private static String text(ErrorBodyEncoder encoder, ResolvedError error) {
		return text(encoder, error, "/");
	}

	private static String text(ErrorBodyEncoder encoder, ResolvedError error, String path) {
		return new String(encoder.encode(error, path), StandardCharsets.UTF_8);
	}

	private static String message(ErrorBodyEncoder encoder, String message) {
		String body = text(encoder, error(400, "bad_request", message));
		String start = "\"message\":";
		return body.substring(body.indexOf(start) + start.length(), body.indexOf(",\"request_id\""));
	}

	record Holder(String displayName, int itemCount) {
	}

	static final class Broken {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

		@Override
		public String toString() {
			return "broken member";
		}

	}

}
