package dev.apierrors.core.body;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Creates the Jackson generators error bodies are written with, and writes the members customizers added.
 */
abstract class BodyGenerators {

	/** How deep maps and collections of a member are written without a mapper before {@code null} is written. */
	private static final int MAX_DEPTH = 16;

	/** Jackson's generator without a mapper, with the starter's escapes. */
	static final BodyGenerators PLAIN = new Plain();

	/**
	 * Create a generator writing UTF-8 JSON.
	 * @param out where the JSON goes
	 * @return the generator
	 */
	abstract JsonGenerator create(OutputStream out);

	/**
	 * Write the value of a member.
	 * @param generator the generator, just after the member's name
	 * @param value the value
	 */
	abstract void writeMember(JsonGenerator generator, @Nullable Object value);

	/**
	 * Write strings, booleans, numbers (a non-finite one as {@code null}), maps (keys as their
	 * {@code String.valueOf}) and collections as JSON, and any other value as its {@code toString()}.
	 */
	static void writeValue(JsonGenerator generator, @Nullable Object value, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			generator.writeNull();
		}
		else if (value instanceof CharSequence text) {
			generator.writeString(text.toString());
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte) {
			generator.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof BigInteger integer) {
			generator.writeNumber(integer);
		}
		else if (value instanceof BigDecimal decimal) {
			generator.writeNumber(decimal);
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			if (Double.isFinite(d)) {
				generator.writeNumber(d);
			}
			else {
				generator.writeNull();
			}
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				generator.writeName(String.valueOf(entry.getKey()));
				writeValue(generator, entry.getValue(), depth + 1);
			}
			generator.writeEndObject();
		}
		else if (value instanceof Collection<?> collection) {
			generator.writeStartArray();
			for (Object element : collection) {
				writeValue(generator, element, depth + 1);
			}
			generator.writeEndArray();
		}
		else {
			generator.writeString(value.toString());
		}
	}

	/**
	 * Generators of Jackson's own factory, used when the application has no {@code JsonMapper}.
	 */
	private static final class Plain extends BodyGenerators {

		private final JsonFactory factory = JsonFactory.builder()
			.characterEscapes(MarkupEscapes.INSTANCE)
			.disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
			.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
			.build();

		@Override
		JsonGenerator create(OutputStream out) {
			return this.factory.createGenerator(ObjectWriteContext.empty(), out);
		}

		@Override
		void writeMember(JsonGenerator generator, @Nullable Object value) {
			writeValue(generator, value, 0);
		}

	}

}
