package dev.apierrors.autoconfigure.aot;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Registers the classes whose presence the starter checks by name at run time ({@code ClassUtils.isPresent}), so
 * that a native image, which finds a class by name only when it is registered, answers as the JVM does: the Bean
 * Validation, Jackson, Spring Security, WebClient and Tomcat classes that switch rules and behaviour on. Each is
 * registered only when it is present at build time.
 */
final class ClassPresenceRuntimeHints implements RuntimeHintsRegistrar {

	/** The classes the starter looks up by name, and where. */
	static final List<String> CHECKED_CLASSES = List.of(
			// ValidationRules: ConstraintViolationException answered as a validation error.
			"jakarta.validation.ConstraintViolationException",
			// JacksonReadErrors: which field of a JSON body was wrong.
			"tools.jackson.databind.exc.MismatchedInputException",
			// SecurityRules: CSRF rejections answered as invalid_csrf_token.
			"org.springframework.security.web.csrf.CsrfException",
			// ApiErrorsWebMvcAutoConfiguration and CorsProcessorPostProcessor: Spring Security's filter chains.
			"org.springframework.security.web.SecurityFilterChain",
			// HttpClientRules: WebClient failures as upstream errors.
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			// CommittedResponses: aborting a committed response on Tomcat.
			"org.apache.coyote.CloseNowException",
			// StaticResourceIndex: Tomcat's servlet context root answered from its resource sets.
			"org.apache.catalina.WebResourceRoot");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String name : CHECKED_CLASSES) {
			if (ClassUtils.isPresent(name, classLoader)) {
				hints.reflection().registerType(TypeReference.of(name));
			}
		}
	}

}
