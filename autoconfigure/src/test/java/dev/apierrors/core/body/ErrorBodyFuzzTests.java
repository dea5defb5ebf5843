package dev.apierrors.core.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link ErrorBodyEncoder}, with and without an application's mapper, against Jackson's parser: random
 * text made of the characters that need care (controls, quotes, backslashes, markup, U+2028/U+2029, surrogate
 * pairs and lonely surrogates, non-ASCII) must always encode to JSON that Jackson parses back to the same text,
 * with each lonely surrogate read as U+FFFD, and must never carry a raw control character, markup character or
 * line separator. Random member names and values go through the mapper too, where that encoder has one.
 */
class ErrorBodyFuzzTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final char[] TRICKY = { '"', '\\', '/', '<', '>', '&', '\'', '\u0000', '\u0001', '\b', '\f',
			'\n', '\r', '\t', '\u001f', '\u007f', '\u0080', '\u00e9', '\u00ff', '\u2028', '\u2029', '\ufeff',
			'\ufffd', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', ' ', 'a', 'Z', '0', '{', '}', '[',
			']', ':', ',' };

	@Test
	void randomMessagesParseBackToTheSameText() {
		Random random = new Random(17);
		ErrorBodyEncoder encoder = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, new ErrorCatalog(Map.of()));
		for (int i = 0; i < 5_000; i++) {
			String text = randomText(random);
			ResolvedError error = ResolvedError.builder(400, "bad_request", text).build();
			error.prepare("req-1", -1, Set.of());
			byte[] body = encoder.encode(error, "/");
			assertSafe(new String(body, StandardCharsets.UTF_8), text);
			assertThat(mapper.readTree(body).get("message").asString()).as("UTF-8 of %s", escaped(text))
				.isEqualTo(expected(text));
			assertThat(mapper.readTree(ErrorBodyEncoder.toAscii(body)).get("message").asString())
				.as("ASCII of %s", escaped(text))
				.isEqualTo(expected(text));
		}
	}

	@Test
	void randomBodiesParseBackToTheirMembers() {
		Random random = new Random(29);
		for (ApiErrorFormat format : ApiErrorFormat.values()) {
			for (ErrorBodyEncoder encoder : List.of(
					new ErrorBodyEncoder(format, "https://errors.example.com/", true, new ErrorCatalog(Map.of())),
					new ErrorBodyEncoder(format, "https://errors.example.com/", true, new ErrorCatalog(Map.of()),
							mapper))) {
				encodeRandomBodies(random, format, encoder);
			}
		}
	}

	private static void encodeRandomBodies(Random random, ApiErrorFormat format, ErrorBodyEncoder encoder) {
		for (int i = 0; i < 500; i++) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (int f = random.nextInt(3); f > 0; f--) {
				fields.put(randomText(random), randomText(random));
			}
			String code = randomText(random);
			String message = randomText(random);
			ResolvedError error = ResolvedError.builder(400 + random.nextInt(200), code, message)
				.fields(fields)
				.build();
			error.prepare(randomText(random), -1, Set.of());
			String name = "x" + randomText(random);
			List<Object> list = new ArrayList<>(List.of(randomText(random), random.nextInt(), random.nextBoolean()));
			error.addMember(name, Map.of("k" + randomText(random), list));
			String path = "/" + randomText(random);
			byte[] body = encoder.encode(error, path);
			String text = new String(body, StandardCharsets.UTF_8);
			assertSafe(text, code + message + path);
			JsonNode tree = mapper.readTree(body);
			if (format == ApiErrorFormat.PROBLEM_DETAILS) {
				assertThat(tree.get("detail").asString()).isEqualTo(expected(message));
				assertThat(tree.get("instance").asString()).isEqualTo(expected(path));
				assertThat(tree.get("type").asString())
					.isEqualTo(expected("https://errors.example.com/" + code));
			}
			else {
				assertThat(tree.get("message").asString()).isEqualTo(expected(message));
			}
			assertThat(tree.get("error").asString()).isEqualTo(expected(code));
			fields.forEach((key, value) -> assertThat(tree.get("fields").get(expected(key)).asString())
				.isEqualTo(expected(value)));
			JsonNode member = tree.get(expected(name));
			assertThat(member).as("member %s in %s", escaped(name), text).isNotNull();
			JsonNode values = member.iterator().next();
			assertThat(values.get(0).asString()).isEqualTo(expected((String) list.get(0)));
			assertThat(values.get(1).asInt()).isEqualTo(list.get(1));
			assertThat(values.get(2).asBoolean()).isEqualTo(list.get(2));
			assertThat(mapper.readTree(ErrorBodyEncoder.toAscii(body))).isEqualTo(tree);
		}
	}

	private static void assertSafe(String encoded, String input) {
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			assertThat(c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029')
				.as("raw U+%04X in the encoding of %s", (int) c, escaped(input))
				.isFalse();
		}
	}

	private static String randomText(Random random) {
		int length = random.nextInt(12);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			if (kind < 6) {
				text.append(TRICKY[random.nextInt(TRICKY.length)]);
			}
			else if (kind < 8) {
				text.appendCodePoint(0x10000 + random.nextInt(0x100000));
			}
			else {
				text.append((char) random.nextInt(0x10000));
			}
		}
		return text.toString();
	}

	/**
	 * The text as it must read back: every surrogate that is not half of a pair replaced by U+FFFD.
	 */
	private static String expected(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else {
				out.append(Character.isSurrogate(c) ? '\ufffd' : c);
			}
		}
		return out.toString();
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.chars().forEach((c) -> out.append((c >= 0x20 && c < 0x7f) ? String.valueOf((char) c) : String.format("\\u%04x", c)));
		return out.toString();
	}

}
