package dev.apierrors.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README, the changelog and the pages under {@code docs/} leads to a file of the
 * repository and, when it names a section, to a heading of that file, so that moving a section cannot leave a
 * reader at a dead end.
 */
class DocumentationLinksTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	@Test
	void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
		List<String> broken = new ArrayList<>();
		List<Path> pages = pages();
		assertThat(pages).hasSizeGreaterThan(8);
		int links = 0;
		for (Path page : pages) {
			for (String target : links(page)) {
				if (target.matches("^[a-z]+:.*")) {
					continue;
				}
				links++;
				int hash = target.indexOf('#');
				String file = (hash >= 0) ? target.substring(0, hash) : target;
				Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				if (!Files.exists(linked)) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
				}
				else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
					broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(links).isGreaterThan(30);
		assertThat(broken).isEmpty();
	}

	@Test
	void headingsBecomeTheAnchorsGitHubGeneratesForThem() {
		assertThat(anchor("Two wire formats, one model")).isEqualTo("two-wire-formats-one-model");
		assertThat(anchor("`UpstreamErrorException`")).isEqualTo("upstreamerrorexception");
		assertThat(anchor("Codes declared once: `ApiErrorCode`")).isEqualTo("codes-declared-once-apierrorcode");
		assertThat(anchor("With `@WebMvcTest` and `MockMvcTester`")).isEqualTo("with-webmvctest-and-mockmvctester");
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		pages.add(ROOT.resolve("CHANGELOG.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	private static List<String> links(Path page) throws IOException {
		List<String> links = new ArrayList<>();
		boolean code = false;
		for (String line : Files.readAllLines(page)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			else if (!code) {
				Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
				while (link.find()) {
					links.add(link.group(1));
				}
			}
		}
		return links;
	}

	private static Set<String> anchors(Path page) throws IOException {
		Set<String> anchors = new HashSet<>();
		boolean code = false;
		for (String line : Files.readAllLines(page)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			else if (!code && line.startsWith("#")) {
				anchors.add(anchor(line.replaceFirst("^#+\\s*", "")));
			}
		}
		return anchors;
	}

	private static String anchor(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

}
