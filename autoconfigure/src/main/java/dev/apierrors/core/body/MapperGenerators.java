package dev.apierrors.core.body;

import java.io.OutputStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generators of the application's {@link JsonMapper}, so that members are serialised the way the application
 * serialises its own values, with the starter's escapes and without indentation. Kept apart so that an
 * application without Jackson's databind never loads it.
 */
final class MapperGenerators extends BodyGenerators {

	private final ObjectWriter writer;

	MapperGenerators(JsonMapper mapper) {
		this.writer = mapper.writer()
			.with(MarkupEscapes.INSTANCE)
			.without(SerializationFeature.INDENT_OUTPUT)
			.with(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
			.without(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
			.without(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
			.without(JsonWriteFeature.WRITE_HEX_UPPER_CASE);
	}

	@Override
	JsonGenerator create(OutputStream out) {
		return this.writer.createGenerator(out);
	}

	@Override
	void writeMember(JsonGenerator generator, @Nullable Object value) {
		generator.writePOJO(value);
	}

}
