package dev.apierrors.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property table of {@code docs/configuration.md} is the configuration metadata the build generates: every
 * property is listed, no listed property is unknown, and every scalar default is the one the metadata declares.
 */
class ConfigurationDocumentationTests {

	private static final Path PAGE = Path.of("../docs/configuration.md");

	private static final Pattern ROW = Pattern.compile("^\\| `(api\\.errors\\.[^`]+)` \\| ([^|]*) \\|");

	@Test
	void everyPropertyOfTheMetadataIsDocumentedWithItsDefault() throws IOException {
		Map<String, String> documented = documented();
		Map<String, JsonNode> metadata = metadata();
		assertThat(metadata).hasSizeGreaterThan(30);
		assertThat(documented.keySet()).containsAll(metadata.keySet());
		metadata.forEach((name, property) -> {
			JsonNode defaultValue = property.get("defaultValue");
			if (defaultValue != null && defaultValue.isValueNode()) {
				assertThat(documented.get(name)).as("default of %s in docs/configuration.md", name)
					.contains("`" + defaultValue.asString() + "`");
			}
		});
	}

	@Test
	void everyDocumentedPropertyExists() throws IOException {
		Map<String, JsonNode> metadata = metadata();
		assertThat(documented().keySet()).allSatisfy((name) -> assertThat(metadata).containsKey(name));
	}

	/**
	 * The documented names, with the forms that stand for entries of a map or a list ({@code messages.<status>},
	 * {@code mappings[n].status}) reduced to the property that holds them.
	 */
	private static Map<String, String> documented() throws IOException {
		Map<String, String> documented = new LinkedHashMap<>();
		for (String line : Files.readAllLines(PAGE)) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				String name = row.group(1).replaceAll("\\[n\\]\\..*$", "").replaceAll("\\.<[^>]+>$", "");
				documented.merge(name, row.group(2), (first, next) -> first + " " + next);
			}
		}
		return documented;
	}

	private static Map<String, JsonNode> metadata() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		try (InputStream json = ConfigurationDocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(json).isNotNull();
			JsonNode root = JsonMapper.builder().build().readTree(json);
			for (JsonNode property : root.get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("api.errors.") && seen.add(name)) {
					properties.put(name, property);
				}
			}
		}
		return properties;
	}

}
