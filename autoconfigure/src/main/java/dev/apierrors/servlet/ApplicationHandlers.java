package dev.apierrors.servlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMappingInfo;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * Finds the {@code @ExceptionHandler} method Spring MVC would pick for an exception (the controller's own first,
 * then the first applicable advice by order) and tells whether it handles that exception specifically or only as
 * a catch-all ({@code Exception}, {@code RuntimeException}, {@code Throwable}). Results are cached per controller
 * class and exception class.
 */
final class ApplicationHandlers {

	/** What the application's handlers do with an exception. */
	enum Match {

		/** No handler of the application matches. */
		NONE,

		/** A handler declared for this exception type (or a cause, or a supertype other than a catch-all). */
		SPECIFIC,

		/** Only a handler for {@code Exception}, {@code RuntimeException} or {@code Throwable}. */
		CATCH_ALL

	}

	private static final Set<Class<?>> CATCH_ALL_TYPES = Set.of(Throwable.class, Exception.class,
			RuntimeException.class);

	/** Boot's ProblemDetails advice, which the starter replaces rather than defers to. */
	private static final String BOOT_PROBLEM_DETAILS = "org.springframework.boot.webmvc.autoconfigure.ProblemDetailsExceptionHandler";

	private final ApplicationContext context;

	private volatile @Nullable List<Advice> advices;

	private final Map<Class<?>, ExceptionHandlerMethodResolver> controllerResolvers = new ConcurrentHashMap<>();

	private final Map<Key, Match> matches = new ConcurrentHashMap<>();

	ApplicationHandlers(ApplicationContext context) {
		this.context = context;
	}

	Match match(@Nullable Object handler, Throwable exception) {
		Class<?> handlerType = (handler instanceof HandlerMethod method) ? method.getBeanType() : null;
		Key key = new Key(handlerType, exception.getClass(), causeClass(exception));
		Match cached = this.matches.get(key);
		if (cached != null) {
			return cached;
		}
		Match match = find(handlerType, exception);
		if (this.matches.size() < 10_000) {
			this.matches.put(key, match);
		}
		return match;
	}

	private static @Nullable Class<?> causeClass(Throwable exception) {
		Throwable cause = exception.getCause();
		return (cause != null && cause != exception) ? cause.getClass() : null;
	}

	private Match find(@Nullable Class<?> handlerType, Throwable exception) {
		if (handlerType != null) {
			ExceptionHandlerMethodResolver local = this.controllerResolvers.computeIfAbsent(handlerType,
					ExceptionHandlerMethodResolver::new);
			ExceptionHandlerMappingInfo info = local.resolveExceptionMapping(exception, MediaType.ALL);
			if (info != null) {
				return classify(info, exception);
			}
		}
		for (Advice advice : advices()) {
			if (advice.bean.isApplicableToBeanType(handlerType)) {
				ExceptionHandlerMappingInfo info = advice.resolver.resolveExceptionMapping(exception, MediaType.ALL);
				if (info != null) {
					return classify(info, exception);
				}
			}
		}
		return Match.NONE;
	}

	private static Match classify(ExceptionHandlerMappingInfo info, Throwable exception) {
		Throwable current = exception;
		for (int depth = 0; current != null && depth < CauseChains.MAX_DEPTH; depth++, current = current.getCause()) {
			Class<?> closest = closest(info.getExceptionTypes(), current.getClass());
			if (closest != null) {
				return CATCH_ALL_TYPES.contains(closest) ? Match.CATCH_ALL : Match.SPECIFIC;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return Match.SPECIFIC;
	}

	private static @Nullable Class<?> closest(Set<Class<? extends Throwable>> declared, Class<?> type) {
		Class<?> best = null;
		int bestDepth = Integer.MAX_VALUE;
		for (Class<?> candidate : declared) {
			if (candidate.isAssignableFrom(type)) {
				int depth = 0;
				for (Class<?> c = type; c != null && c != candidate; c = c.getSuperclass()) {
					depth++;
				}
				if (depth < bestDepth) {
					best = candidate;
					bestDepth = depth;
				}
			}
		}
		return best;
	}

	private List<Advice> advices() {
		List<Advice> result = this.advices;
		if (result == null) {
			result = new ArrayList<>();
			for (ControllerAdviceBean bean : ControllerAdviceBean.findAnnotatedBeans(this.context)) {
				Class<?> type = bean.getBeanType();
				if (type == null || BOOT_PROBLEM_DETAILS.equals(type.getName())) {
					continue;
				}
				ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(type);
				if (resolver.hasExceptionMappings()) {
					result.add(new Advice(bean, resolver));
				}
			}
			this.advices = result;
		}
		return result;
	}

	private record Advice(ControllerAdviceBean bean, ExceptionHandlerMethodResolver resolver) {
	}

	private record Key(@Nullable Class<?> handlerType, Class<?> exceptionType, @Nullable Class<?> causeType) {
	}

}
