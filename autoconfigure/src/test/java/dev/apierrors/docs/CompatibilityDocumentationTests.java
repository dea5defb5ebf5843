package dev.apierrors.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility table of {@code docs/compatibility.md} names the versions the build really tests: one row per
 * tested Boot line (the root pom's {@code spring-boot.version} and the {@code boot40} module's), the 4.1 row's
 * Framework and Security equal to the jars these tests run on, and the Java baseline equal to the compiler's
 * release. The 4.0 row's Framework and Security are checked by {@code Boot40VersionsTests}, on Boot 4.0's jars.
 */
class CompatibilityDocumentationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern ROW = Pattern
		.compile("^\\| (\\d+\\.\\d+)\\.x \\| (.+?) \\| (.+?) \\| (.+?) \\| (.+?) \\|$");

	private static final Pattern TESTED = Pattern.compile("^(\\d+\\.\\d+)\\.x \\(tested on (\\d+\\.\\d+\\.\\d+)\\)$");

	@Test
	void tableHasARowForEachTestedBootVersion() throws IOException {
		List<Row> rows = rows();
		assertThat(rows).extracting(Row::boot)
			.containsExactly(pomProperty(ROOT.resolve("pom.xml"), "spring-boot.version"),
					pomProperty(ROOT.resolve("compat-tests/boot40/pom.xml"), "spring-boot.version"));
	}

	@Test
	void rowsNameTheStarterVersionLine() throws IOException {
		String version = pomVersion(ROOT.resolve("pom.xml"));
		assertThat(rows()).extracting(Row::starterLine)
			.allSatisfy((line) -> assertThat(version).startsWith(line + "."));
	}

	@Test
	void builtAgainstRowMatchesTheJarsOfTheTests() throws IOException {
		Row row = rows().get(0);
		assertThat(row.boot()).isEqualTo(SpringBootVersion.getVersion());
		assertThat(row.framework()).isEqualTo(SpringVersion.getVersion());
		assertThat(row.security()).isEqualTo(SpringSecurityCoreVersion.getVersion());
	}

	@Test
	void javaBaselineIsTheCompilersRelease() throws IOException {
		String release = pomProperty(ROOT.resolve("pom.xml"), "maven.compiler.release");
		assertThat(rows()).extracting(Row::java)
			.allSatisfy((java) -> assertThat(java).startsWith(release + " or newer (tested on " + release + " and "));
		assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("temurin-25");
		assertThat(rows()).extracting(Row::java).allSatisfy((java) -> assertThat(java).endsWith(" and 25)"));
	}

	/**
	 * Reads the rows of the table under "Supported versions", each line checked against the tested versions'
	 * notation, {@code 4.1.x (tested on 4.1.1)}.
	 * @return the rows, in the table's order
	 */
	static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(ROOT.resolve("docs/compatibility.md"))) {
			if (line.startsWith("## ")) {
				inSection = line.equals("## Supported versions");
			}
			else if (inSection && line.startsWith("| ") && !line.startsWith("| api-errors")) {
				Matcher row = ROW.matcher(line);
				assertThat(row.matches()).as(line).isTrue();
				String[] boot = tested(row.group(2));
				String[] framework = tested(row.group(3));
				String[] security = tested(row.group(4));
				assertThat(boot[1]).as(line).startsWith(boot[0] + ".");
				assertThat(framework[1]).as(line).startsWith(framework[0] + ".");
				assertThat(security[1]).as(line).startsWith(security[0] + ".");
				rows.add(new Row(row.group(1), boot[1], framework[1], security[1], row.group(5)));
			}
		}
		assertThat(rows).isNotEmpty();
		return rows;
	}

	private static String[] tested(String cell) {
		Matcher matcher = TESTED.matcher(cell);
		assertThat(matcher.matches()).as(cell).isTrue();
		return new String[] { matcher.group(1), matcher.group(2) };
	}

	private static String pomProperty(Path pom, String name) throws IOException {
		Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
		assertThat(matcher.find()).as(name + " in " + pom).isTrue();
		return matcher.group(1);
	}

	private static String pomVersion(Path pom) throws IOException {
		Matcher matcher = Pattern.compile("<artifactId>api-errors-parent</artifactId>\\s*<version>([^<]+)</")
			.matcher(Files.readString(pom));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	record Row(String starterLine, String boot, String framework, String security, String java) {
	}

}
