package dev.apierrors.autoconfigure.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassPresenceRuntimeHints}.
 */
class ClassPresenceRuntimeHintsTests {

	private static final Pattern IS_PRESENT_LITERAL = Pattern.compile("isPresent\\(\\s*\"([^\"]+)\"");

	@Test
	void everyCheckedClassThatIsPresentIsRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new ClassPresenceRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (String name : ClassPresenceRuntimeHints.CHECKED_CLASSES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(name))).as(name).accepts(hints);
		}
	}

	@Test
	void checkedClassThatIsAbsentIsNotRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new ClassPresenceRuntimeHints().registerHints(hints,
				new FilteredClassLoader("org.apache.coyote", "org.springframework.security"));
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("org.apache.coyote.CloseNowException")))
			.rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("org.springframework.security.web.SecurityFilterChain"))).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of("jakarta.validation.ConstraintViolationException"))).accepts(hints);
	}

	@Test
	void everyClassTheStarterLooksUpByNameIsChecked() throws IOException {
		Set<String> lookedUp = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = IS_PRESENT_LITERAL.matcher(Files.readString(source));
				while (matcher.find()) {
					lookedUp.add(matcher.group(1));
				}
			}
		}
		assertThat(lookedUp).isNotEmpty();
		assertThat(ClassPresenceRuntimeHints.CHECKED_CLASSES).containsAll(lookedUp);
	}

}
