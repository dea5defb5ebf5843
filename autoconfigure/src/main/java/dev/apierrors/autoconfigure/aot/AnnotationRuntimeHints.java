package dev.apierrors.autoconfigure.aot;

import org.jspecify.annotations.Nullable;

import dev.apierrors.Idempotent;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Registers the JDK proxies Spring creates when it synthesizes the annotations the starter reads as merged
 * annotations: {@code @ResponseStatus} on exception classes and handler methods (its {@code value} and {@code code}
 * are aliases, so it is always synthesized) and {@code @Idempotent} when it is a meta-annotation of one of the
 * application's own annotations.
 */
final class AnnotationRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.proxies().registerJdkProxy(ResponseStatus.class);
		hints.proxies().registerJdkProxy(Idempotent.class);
	}

}
