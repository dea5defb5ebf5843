package dev.apierrors.servlet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.CauseChain;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMappingInfo;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Finds the {@code @ExceptionHandler} method Spring MVC would pick for an exception (the controller's own first,
 * then the first applicable advice by order, in the context of the {@code DispatcherServlet} that handles the
 * request, so that a child context's advices count) and tells whether it handles that exception specifically or
 * only as a catch-all ({@code Exception}, {@code RuntimeException}, {@code Throwable}). Results are cached per
 * context, controller class and the classes of the whole cause chain, which is what Spring matches on.
 */
final class ApplicationExceptionHandlers {

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

	private static final int MAX_CACHED = 10_000;

	private final ApplicationContext rootContext;

	private final Map<ApplicationContext, List<Advice>> advices = new ConcurrentHashMap<>();

	private final Map<Class<?>, ExceptionHandlerMethodResolver> controllerResolvers = new ConcurrentHashMap<>();

	private final Map<Key, Match> matches = new ConcurrentHashMap<>();

	ApplicationExceptionHandlers(ApplicationContext rootContext) {
		this.rootContext = rootContext;
	}

	Match match(HttpServletRequest request, @Nullable Object handler, CauseChain chain) {
		ApplicationContext context = context(request);
		Class<?> handlerType = (handler instanceof HandlerMethod method) ? method.getBeanType() : null;
		Class<?>[] classes = new Class<?>[chain.size()];
		for (int i = 0; i < classes.length; i++) {
			classes[i] = chain.get(i).getClass();
		}
		Key key = new Key(context, handlerType, classes);
		Match cached = this.matches.get(key);
		if (cached != null) {
			return cached;
		}
		Match match = find(context, handlerType, chain);
		if (this.matches.size() < MAX_CACHED) {
			this.matches.put(key, match);
		}
		return match;
	}

	private ApplicationContext context(HttpServletRequest request) {
		ApplicationContext context = RequestContextUtils.findWebApplicationContext(request);
		return (context != null) ? context : this.rootContext;
	}

	private Match find(ApplicationContext context, @Nullable Class<?> handlerType, CauseChain chain) {
		Throwable exception = chain.outermost();
		if (handlerType != null) {
			ExceptionHandlerMethodResolver local = this.controllerResolvers.computeIfAbsent(handlerType,
					ExceptionHandlerMethodResolver::new);
			ExceptionHandlerMappingInfo info = local.resolveExceptionMapping(exception, MediaType.ALL);
			if (info != null) {
				return classify(info, chain);
			}
		}
		for (Advice advice : advices(context)) {
			if (advice.bean.isApplicableToBeanType(handlerType)) {
				ExceptionHandlerMappingInfo info = advice.resolver.resolveExceptionMapping(exception, MediaType.ALL);
				if (info != null) {
					return classify(info, chain);
				}
			}
		}
		return Match.NONE;
	}

	private static Match classify(ExceptionHandlerMappingInfo info, CauseChain chain) {
		for (int i = 0; i < chain.size(); i++) {
			Class<?> closest = closest(info.getExceptionTypes(), chain.get(i).getClass());
			if (closest != null) {
				return CATCH_ALL_TYPES.contains(closest) ? Match.CATCH_ALL : Match.SPECIFIC;
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

	private List<Advice> advices(ApplicationContext context) {
		List<Advice> result = this.advices.get(context);
		if (result == null) {
			result = new ArrayList<>();
			for (ControllerAdviceBean bean : ControllerAdviceBean.findAnnotatedBeans(context)) {
				Class<?> type = bean.getBeanType();
				if (type == null || BOOT_PROBLEM_DETAILS.equals(type.getName())) {
					continue;
				}
				ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(type);
				if (resolver.hasExceptionMappings()) {
					result.add(new Advice(bean, resolver));
				}
			}
			result = List.copyOf(result);
			this.advices.put(context, result);
		}
		return result;
	}

	private record Advice(ControllerAdviceBean bean, ExceptionHandlerMethodResolver resolver) {
	}

	/**
	 * The context, controller class and exception classes a match depends on.
	 */
	private static final class Key {

		private final ApplicationContext context;

		private final @Nullable Class<?> handlerType;

		private final Class<?>[] exceptionTypes;

		private final int hash;

		Key(ApplicationContext context, @Nullable Class<?> handlerType, Class<?>[] exceptionTypes) {
			this.context = context;
			this.handlerType = handlerType;
			this.exceptionTypes = exceptionTypes;
			this.hash = 31 * (31 * System.identityHashCode(context) + ((handlerType != null) ? handlerType.hashCode() : 0))
					+ Arrays.hashCode(exceptionTypes);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Key key && key.context == this.context && key.handlerType == this.handlerType
					&& Arrays.equals(key.exceptionTypes, this.exceptionTypes);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
