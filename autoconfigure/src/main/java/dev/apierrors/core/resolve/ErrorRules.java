package dev.apierrors.core.resolve;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * The rules contributed for the exceptions of libraries: rules per exception class, matched along the class
 * hierarchy with the nearest class winning; rules per annotation on an exception class; and fallback rules per
 * interface, such as Spring's {@code ErrorResponse}, used when no class in the hierarchy has a rule.
 */
public final class ErrorRules {

	/**
	 * Create an instance.
	 */
	public ErrorRules() {
	}

	private final Map<Class<?>, ErrorRule<Throwable>> byClass = new HashMap<>();

	private final List<Annotated<?>> byAnnotation = new ArrayList<>();

	private final List<Fallback> fallbacks = new ArrayList<>();

	/**
	 * Add the rule for an exception class and its subclasses, replacing an earlier rule for the same class.
	 * @param <T> the exception type
	 * @param type the exception class
	 * @param rule the rule
	 */
	@SuppressWarnings("unchecked")
	public <T extends Throwable> void add(Class<T> type, ErrorRule<? super T> rule) {
		this.byClass.put(type, (ErrorRule<Throwable>) rule);
	}

	/**
	 * Add the rule for exceptions whose class (or a superclass) carries an annotation.
	 * @param <A> the annotation type
	 * @param annotation the annotation type
	 * @param rule the rule
	 */
	public <A extends Annotation> void addForAnnotation(Class<A> annotation, AnnotationRule<A> rule) {
		this.byAnnotation.add(new Annotated<>(annotation, rule));
	}

	/**
	 * Add the rule for exceptions of a type that no class rule answers, typically an interface.
	 * @param <T> the exception type
	 * @param type the type
	 * @param rule the rule
	 */
	@SuppressWarnings("unchecked")
	public <T> void addFallback(Class<T> type, ErrorRule<Throwable> rule) {
		this.fallbacks.add(new Fallback(type, rule));
	}

	@Nullable ErrorRule<Throwable> forClass(Class<?> type) {
		return this.byClass.get(type);
	}

	/**
	 * Return the rule of an annotation declared on the class itself (meta-annotations included).
	 */
	@Nullable ErrorRule<Throwable> forAnnotationOn(Class<?> type, SearchStrategy strategy) {
		for (Annotated<?> annotated : this.byAnnotation) {
			ErrorRule<Throwable> rule = annotated.ruleFor(type, strategy);
			if (rule != null) {
				return rule;
			}
		}
		return null;
	}

	@Nullable ErrorRule<Throwable> fallbackFor(Class<?> type) {
		for (Fallback fallback : this.fallbacks) {
			if (fallback.type.isAssignableFrom(type)) {
				return fallback.rule;
			}
		}
		return null;
	}

	private record Annotated<A extends Annotation>(Class<A> annotation, AnnotationRule<A> rule) {

		@Nullable ErrorRule<Throwable> ruleFor(Class<?> type, SearchStrategy strategy) {
			MergedAnnotation<A> found = MergedAnnotations.from(type, strategy).get(this.annotation);
			if (!found.isPresent()) {
				return null;
			}
			A synthesized = found.synthesize();
			return (exception) -> this.rule.answer(exception, synthesized);
		}

	}

	private record Fallback(Class<?> type, ErrorRule<Throwable> rule) {
	}

}
