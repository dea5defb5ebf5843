package dev.apierrors.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A response body read as one JSON object, or the reason it is not one. Duplicate members are refused, as a
 * client could read either value.
 */
final class JsonBody {

	static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MEMBERS = new TypeReference<>() {
	};

	private final @Nullable ObjectNode object;

	private final String problem;

	private JsonBody(@Nullable ObjectNode object, String problem) {
		this.object = object;
		this.problem = problem;
	}

	static JsonBody parse(byte[] body) {
		if (body.length == 0) {
			return new JsonBody(null, "the response has no body");
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node instanceof ObjectNode object) {
				return new JsonBody(object, "");
			}
			String kind = node.getNodeType().name().toLowerCase(Locale.ROOT);
			return new JsonBody(null, "the body is a JSON " + kind + ", not an object");
		}
		catch (JacksonException ex) {
			return new JsonBody(null, "the body is not JSON (" + ex.getOriginalMessage() + ")");
		}
	}

	/**
	 * Return the object, or {@code null} when the body is not a JSON object.
	 */
	@Nullable ObjectNode object() {
		return this.object;
	}

	/**
	 * Return why the body is not a JSON object.
	 */
	String problem() {
		return this.problem;
	}

	static List<String> memberNames(ObjectNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	static Map<String, @Nullable Object> members(ObjectNode object) {
		return MAPPER.convertValue(object, MEMBERS);
	}

	/**
	 * Return whether two JSON values are equal, numbers compared by value whatever their representation.
	 */
	static boolean sameValue(JsonNode actual, JsonNode expected) {
		return actual.equals((a, b) -> {
			if (a.isNumber() && b.isNumber()) {
				return a.decimalValue().compareTo(b.decimalValue());
			}
			return a.equals(b) ? 0 : 1;
		}, expected);
	}

}
