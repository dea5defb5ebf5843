package dev.apierrors.autoconfigure.aot;

import org.junit.jupiter.api.Test;

import dev.apierrors.Idempotent;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnnotationRuntimeHints}.
 */
class AnnotationRuntimeHintsTests {

	@Test
	void synthesizedAnnotationsHaveTheirProxies() {
		RuntimeHints hints = new RuntimeHints();
		new AnnotationRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(ResponseStatus.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Idempotent.class)).accepts(hints);
	}

	@Test
	void responseStatusIsSynthesizedAsAJdkProxy() {
		ResponseStatus synthesized = MergedAnnotations.from(Gone.class).get(ResponseStatus.class).synthesize();
		assertThat(java.lang.reflect.Proxy.isProxyClass(synthesized.getClass())).isTrue();
		assertThat(synthesized.getClass().getInterfaces()).containsExactly(ResponseStatus.class);
	}

	@ResponseStatus(HttpStatus.GONE)
	static class Gone extends RuntimeException {

	}

}
