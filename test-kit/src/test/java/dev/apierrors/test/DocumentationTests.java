package dev.apierrors.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java examples of {@code docs/testing.md} are code of the test files the page names, so they cannot drift from
 * what is compiled and run.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern NAMED_FILE = Pattern.compile("`([\\w/.-]+\\.java)`");

	@Test
	void everyJavaExampleIsCodeOfTheTestFileItComesFrom() throws IOException {
		List<String> page = Files.readAllLines(ROOT.resolve("docs/testing.md"));
		Set<String> named = new LinkedHashSet<>();
		List<Example> examples = new ArrayList<>();
		String source = null;
		for (int i = 0; i < page.size(); i++) {
			String line = page.get(i);
			if (line.startsWith("```java")) {
				List<String> code = new ArrayList<>();
				while (!page.get(++i).startsWith("```")) {
					code.add(page.get(i));
				}
				examples.add(new Example(i, source, code));
			}
			else if (!line.startsWith("```")) {
				Matcher file = NAMED_FILE.matcher(line);
				while (file.find()) {
					source = file.group(1);
					named.add(source);
				}
			}
		}
		assertThat(examples).hasSizeGreaterThan(5);
		for (Example example : examples) {
			List<String> sources = (example.source() != null) ? List.of(example.source()) : List.copyOf(named);
			assertThat(sources).as("example ending at line %d of docs/testing.md", example.endLine())
				.anySatisfy((file) -> assertThat(Collections.indexOfSubList(normalized(Files.readAllLines(
						ROOT.resolve(file))), normalized(example.code())))
					.as("example ending at line %d in %s", example.endLine(), file)
					.isNotNegative());
		}
	}

	private static List<String> normalized(List<String> lines) {
		return lines.stream().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	private record Example(int endLine, String source, List<String> code) {

	}

}
