package dev.apierrors.autoconfigure.client;

import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata of {@code api.errors.client}: every property with a one-sentence description
 * and its real default, as for the rest of {@code api.errors}.
 */
class ClientConfigurationMetadataTests {

	private static final String PREFIX = "api.errors.client.";

	private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

	private static Map<String, JsonNode> properties;

	@BeforeAll
	static void readGeneratedMetadata() throws Exception {
		Path classes = Path
			.of(ClientProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json")));
		properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> {
			if (property.get("name").asString().startsWith(PREFIX)) {
				properties.put(property.get("name").asString(), property);
			}
		});
	}

	@Test
	void everyBoundPropertyIsInTheMetadata() {
		assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(bound(ClientProperties.class, PREFIX));
	}

	@Test
	void everyPropertyHasAOneSentenceDescription() {
		properties.forEach((name, property) -> assertThat(property.path("description").asString(""))
			.as("description of %s", name)
			.matches("[A-Z\"].*\\.")
			.doesNotContain(". "));
	}

	@Test
	void documentedDefaultsAreTheRealDefaults() {
		BeanWrapper defaults = PropertyAccessorFactory.forBeanPropertyAccess(new ClientProperties());
		properties.forEach((name, property) -> {
			Object actual = defaults.getPropertyValue(javaPath(name));
			JsonNode documented = property.get("defaultValue");
			if (documented == null) {
				assertThat(property.get("description").asString()).as("description of %s", name)
					.contains("when unset");
				assertThat(actual).as("default of %s", name).satisfiesAnyOf(
						(value) -> assertThat(value).isNull(), (value) -> assertThat(value).asList().isEmpty());
			}
			else {
				assertThat(CONVERSION.convert(documented.asString(), actual.getClass())).as("default of %s", name)
					.isEqualTo(actual);
			}
		});
	}

	private static List<String> bound(Class<?> type, String prefix) {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + kebab(descriptor.getName());
			if (descriptor.getWriteMethod() == null) {
				names.addAll(bound(descriptor.getPropertyType(), name + "."));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String javaPath(String name) {
		StringBuilder out = new StringBuilder();
		boolean upper = false;
		for (char c : name.substring(PREFIX.length()).toCharArray()) {
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

}
