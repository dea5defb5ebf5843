package dev.apierrors.compat.boot40;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module runs on the Boot version of its pom, and the 4.0 row of {@code docs/compatibility.md} names the
 * Boot, Framework and Security versions that are really on its classpath.
 */
class Boot40VersionsTests {

	private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

	private static final Pattern TESTED = Pattern.compile("(\\d+\\.\\d+)\\.x \\(tested on (\\d+\\.\\d+\\.\\d+)\\)");

	@Test
	void runsOnTheBootVersionOfItsPom() throws IOException {
		Matcher property = Pattern.compile("<spring-boot.version>([^<]+)</")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(property.find()).isTrue();
		assertThat(SpringBootVersion.getVersion()).isEqualTo(property.group(1)).startsWith("4.0.");
	}

	@Test
	void compatibilityTableNamesTheVersionsOfThisClasspath() throws IOException {
		String boot = "(tested on " + SpringBootVersion.getVersion() + ")";
		List<String> row = Files.readAllLines(ROOT.resolve("docs/compatibility.md"))
			.stream()
			.filter((line) -> line.startsWith("| ") && line.contains(boot))
			.toList();
		assertThat(row).hasSize(1);
		Matcher tested = TESTED.matcher(row.get(0));
		assertThat(tested.find()).isTrue();
		assertThat(tested.group(2)).isEqualTo(SpringBootVersion.getVersion());
		assertThat(tested.find()).isTrue();
		assertThat(tested.group(2)).isEqualTo(SpringVersion.getVersion());
		assertThat(tested.find()).isTrue();
		assertThat(tested.group(2)).isEqualTo(SpringSecurityCoreVersion.getVersion());
	}

}
