package dev.apierrors.autoconfigure;

import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorFormat;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.logging.LogLevel;
import org.springframework.core.convert.ConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates for IDEs: every property is there with a one-sentence
 * description and its real default, and closed sets of values have hints.
 */
class ConfigurationMetadataTests {

	private static final String PREFIX = "api.errors.";

	private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

	private static JsonNode metadata;

	private static Map<String, JsonNode> properties;

	@BeforeAll
	static void readGeneratedMetadata() throws Exception {
		Path classes = Path.of(ApiErrorsProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path file = classes.resolve("META-INF/spring-configuration-metadata.json");
		metadata = JsonMapper.builder().build().readTree(Files.readString(file));
		properties = new HashMap<>();
		// The properties of ApiErrorsProperties; those of other features under api.errors have their own tests.
		metadata.get("properties").forEach((property) -> {
			if (property.path("sourceType").asString("").startsWith(ApiErrorsProperties.class.getName())) {
				properties.put(property.get("name").asString(), property);
			}
		});
	}

	@Test
	void everyBoundPropertyIsInTheMetadata() {
		assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(boundProperties(ApiErrorsProperties.class, ""));
	}

	@Test
	void everyPropertyHasAOneSentenceDescription() {
		properties.forEach((name, property) -> assertThat(property.path("description").asString(""))
			.as("description of %s", name)
			.matches("[A-Z\"].*\\.")
			.doesNotContain(". "));
	}

	@Test
	void everyPropertyHasADefaultOrSaysWhatUnsetMeans() {
		properties.forEach((name, property) -> {
			if (!property.has("defaultValue")) {
				assertThat(property.get("description").asString()).as("description of %s", name)
					.contains("when unset");
			}
		});
	}

	@Test
	void documentedDefaultsAreTheRealDefaults() {
		BeanWrapper defaults = PropertyAccessorFactory.forBeanPropertyAccess(new ApiErrorsProperties());
		properties.forEach((name, property) -> {
			Object actual = defaults.getPropertyValue(javaPath(name));
			JsonNode documented = property.get("defaultValue");
			if (documented == null) {
				assertThat(actual).as("default of %s", name).isNull();
			}
			else {
				assertThat(convert(documented, actual)).as("documented default of %s", name).isEqualTo(actual);
			}
		});
	}

	@Test
	void formatHasAHintPerValue() {
		List<String> expected = Arrays.stream(ApiErrorFormat.values())
			.map((format) -> format.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.toList();
		assertThat(hintValues("api.errors.format")).containsExactlyElementsOf(expected);
		assertThat(hintDescriptions("api.errors.format")).doesNotContainNull();
	}

	@Test
	void logLevelsHaveHintsForStatusClassesAndLevels() {
		assertThat(hintValues("api.errors.logging.levels.keys")).contains("4xx", "5xx");
		// SLF4J has no FATAL: it would log as ERROR, so it is not offered.
		List<String> levels = Arrays.stream(LogLevel.values())
			.filter((level) -> level != LogLevel.FATAL)
			.map((level) -> level.name().toLowerCase(Locale.ROOT))
			.toList();
		assertThat(hintValues("api.errors.logging.levels.values")).containsExactlyInAnyOrderElementsOf(levels);
	}

	@Test
	void stackTracesHaveHintsForStatusClasses() {
		assertThat(hintValues("api.errors.logging.stack-traces.keys")).containsExactly("4xx", "5xx");
	}

	@Test
	void statusKeysOfHintsAreValidKeys() {
		for (String name : List.of("api.errors.logging.levels.keys", "api.errors.logging.stack-traces.keys",
				"api.errors.messages.keys")) {
			assertThat(hintValues(name)).allMatch((key) -> key.matches("[45]xx|[45][0-9][0-9]"));
		}
	}

	private static List<String> boundProperties(Class<?> type, String prefix) {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + kebab(descriptor.getName());
			Class<?> propertyType = descriptor.getPropertyType();
			if (descriptor.getWriteMethod() == null && propertyType.getDeclaringClass() == ApiErrorsProperties.class) {
				names.addAll(boundProperties(propertyType, name + "."));
			}
			else if (descriptor.getWriteMethod() != null) {
				names.add(PREFIX + name);
			}
		}
		return names;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String javaPath(String name) {
		String[] parts = name.substring(PREFIX.length()).split("\\.");
		return Arrays.stream(parts).map(ConfigurationMetadataTests::camel).collect(Collectors.joining("."));
	}

	private static String camel(String kebab) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				out.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return out.toString();
	}

	private static Object convert(JsonNode documented, Object actual) {
		if (actual instanceof Map<?, ?> map) {
			Map<String, Object> converted = new HashMap<>();
			Object sample = map.values().stream().findFirst().orElse(null);
			documented.properties()
				.forEach((entry) -> converted.put(entry.getKey(),
						(sample != null) ? convert(entry.getValue(), sample) : entry.getValue().asString()));
			return (map.isEmpty() && converted.isEmpty()) ? map : converted;
		}
		if (actual instanceof Collection<?> collection) {
			return (documented.isArray() && documented.isEmpty() && collection.isEmpty()) ? collection : documented;
		}
		return CONVERSION.convert(documented.asString(), actual.getClass());
	}

	private static List<String> hintValues(String name) {
		return hintValueNodes(name).stream().map((value) -> value.get("value").asString()).toList();
	}

	private static List<String> hintDescriptions(String name) {
		return hintValueNodes(name).stream()
			.map((value) -> value.has("description") ? value.get("description").asString() : null)
			.toList();
	}

	private static List<JsonNode> hintValueNodes(String name) {
		JsonNode hint = StreamSupport.stream(metadata.get("hints").spliterator(), false)
			.filter((candidate) -> candidate.get("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No hint for " + name));
		return StreamSupport.stream(hint.get("values").spliterator(), false).toList();
	}

}
