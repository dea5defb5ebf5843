package dev.apierrors.jmh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;

/**
 * The starter's body encoder ({@link ErrorBodyEncoder}, which writes with Jackson 3's streaming generator),
 * without the application's mapper and with one, against a bare Jackson generator writing the same bytes into
 * a reused buffer (the floor: no per-body buffer, no copy, no fallback): a small body, one with three field
 * errors, one whose message needs escaping and non-ASCII bytes, and one with members a customizer added. The
 * set-up fails unless all of them write byte-for-byte the same body. (Until 2026-12-02 the encoder was a
 * hand-written writer; docs/performance.md keeps its figures from this benchmark.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonBodyBenchmark {

	private static final String REQUEST_ID = "mTulFci4bQWQ4PxlHFPE0w";

	@Param({ "small", "fields", "escaped", "members" })
	public String body;

	private ErrorBodyEncoder encoder;

	private ErrorBodyEncoder encoderWithMapper;

	private JsonMapper mapper;

	private ResolvedError error;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

	@Setup
	public void setUp() {
		this.encoder = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, new ErrorCatalog(Map.of()));
		this.encoderWithMapper = new ErrorBodyEncoder(ApiErrorFormat.SIMPLE, null, false, new ErrorCatalog(Map.of()),
				JsonMapper.builder().build());
		this.mapper = JsonMapper.builder(JsonFactory.builder()
			.characterEscapes(new MarkupEscapes())
			.disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES, JsonWriteFeature.WRITE_HEX_UPPER_CASE)
			.build()).build();
		this.error = error(this.body);
		jackson();
		byte[] floor = this.buffer.toByteArray();
		for (byte[] ours : List.of(encoderWithoutMapper(), encoderWithMapper())) {
			if (!java.util.Arrays.equals(ours, floor)) {
				throw new IllegalStateException("The bodies differ:\n" + new String(ours, StandardCharsets.UTF_8)
						+ "\n" + new String(floor, StandardCharsets.UTF_8));
			}
		}
	}

	static ResolvedError error(String kind) {
		ResolvedError error = switch (kind) {
			case "small" -> ResolvedError.builder(404, "item_not_found", "Item 0 was not found.").build();
			case "fields" -> {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("name", "must not be blank");
				fields.put("priceCents", "must be greater than 0");
				fields.put("currency", "must match \"[A-Z]{3}\"");
				yield ResolvedError.builder(400, "validation_failed", "The request is invalid.").fields(fields).build();
			}
			case "escaped" -> ResolvedError
				.builder(409, "name_taken", "Le nom « Zoë & Søren » est déjà pris: \"<b>x</b>\"\n\tC:\\temp 😀 ✓")
				.build();
			case "members" -> ResolvedError.builder(404, "item_not_found", "Item 0 was not found.").build();
			default -> throw new IllegalArgumentException(kind);
		};
		error.prepare(REQUEST_ID, -1, Set.of());
		if (kind.equals("members")) {
			error.addMember("tenant", "acme");
			error.addMember("attempt", 3);
			error.addMember("tags", List.of("catalog", "v2"));
			error.addMember("limits", Map.of("remaining", 0));
		}
		return error;
	}

	@Benchmark
	public byte[] encoderWithoutMapper() {
		return this.encoder.encode(this.error, "/items/0");
	}

	@Benchmark
	public byte[] encoderWithMapper() {
		return this.encoderWithMapper.encode(this.error, "/items/0");
	}

	@Benchmark
	public int generatorIntoReusedBuffer() {
		jackson();
		return this.buffer.size();
	}

	private void jackson() {
		this.buffer.reset();
		ResolvedError error = this.error;
		try (JsonGenerator generator = this.mapper.createGenerator(this.buffer)) {
			generator.writeStartObject();
			generator.writeStringProperty("error", error.getCode());
			generator.writeStringProperty("message", error.getMessage());
			generator.writeStringProperty("request_id", error.getRequestId());
			if (!error.getFields().isEmpty()) {
				generator.writeName("fields");
				generator.writeStartObject();
				for (Map.Entry<String, String> field : error.getFields().entrySet()) {
					generator.writeStringProperty(field.getKey(), field.getValue());
				}
				generator.writeEndObject();
			}
			if (error.getRetryAfterSeconds() >= 0) {
				generator.writeNumberProperty("retry_after", error.getRetryAfterSeconds());
			}
			for (Map.Entry<String, Object> member : error.getMembers().entrySet()) {
				generator.writePOJOProperty(member.getKey(), member.getValue());
			}
			generator.writeEndObject();
		}
	}

	/**
	 * The starter's rules on top of JSON's: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
	 * {@code \\uXXXX}.
	 */
	static final class MarkupEscapes extends CharacterEscapes {

		private static final int[] ASCII = standardAsciiEscapesForJSON();

		static {
			ASCII['<'] = ESCAPE_STANDARD;
			ASCII['>'] = ESCAPE_STANDARD;
			ASCII['&'] = ESCAPE_STANDARD;
		}

		private static final SerializableString LINE = new SerializedString("\\u2028");

		private static final SerializableString PARAGRAPH = new SerializedString("\\u2029");

		@Override
		public int[] getEscapeCodesForAscii() {
			return ASCII;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return (ch == 0x2028) ? LINE : (ch == 0x2029) ? PARAGRAPH : null;
		}

	}

}
