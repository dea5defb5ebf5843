package dev.apierrors.servlet.idempotency;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.apierrors.Idempotent;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which requests take an {@code Idempotency-Key}, and with what rules: handler methods (or controllers) annotated
 * with {@link Idempotent}, then requests whose path matches one of the configured patterns.
 */
public final class IdempotencyPolicies {

	private static final Policy NONE = new Policy(false, Duration.ZERO);

	private final List<PathPattern> paths;

	private final Policy pathPolicy;

	private final Duration defaultExpiry;

	private final Map<HandlerKey, Policy> annotated = new ConcurrentReferenceHashMap<>();

	/**
	 * Create the policies.
	 * @param paths path patterns, as in {@code @RequestMapping}, whose {@code POST} and {@code PATCH} requests take
	 * a key whether or not their handler is annotated
	 * @param pathsRequired whether requests to those paths must carry a key
	 * @param defaultExpiry how long completed responses are replayed unless an annotation says otherwise
	 */
	public IdempotencyPolicies(List<String> paths, boolean pathsRequired, Duration defaultExpiry) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		this.paths = paths.stream().map(parser::parse).toList();
		this.pathPolicy = new Policy(pathsRequired, defaultExpiry);
		this.defaultExpiry = defaultExpiry;
	}

	/**
	 * Return the rules for a request, or {@code null} when it takes no key.
	 */
	@Nullable Policy find(Object handler, HttpServletRequest request) {
		if (handler instanceof HandlerMethod method) {
			Policy policy = this.annotated.computeIfAbsent(new HandlerKey(method.getBeanType(), method.getMethod()),
					(key) -> fromAnnotation(method));
			if (policy != NONE) {
				return policy;
			}
		}
		if (this.paths.isEmpty()) {
			return null;
		}
		PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
				: PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern pattern : this.paths) {
			if (pattern.matches(path)) {
				return this.pathPolicy;
			}
		}
		return null;
	}

	private Policy fromAnnotation(HandlerMethod method) {
		Idempotent idempotent = method.getMethodAnnotation(Idempotent.class);
		if (idempotent == null) {
			idempotent = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Idempotent.class);
		}
		if (idempotent == null) {
			return NONE;
		}
		return new Policy(idempotent.required(), expiry(idempotent, method));
	}

	private Duration expiry(Idempotent idempotent, HandlerMethod method) {
		String expiry = idempotent.expiry().trim();
		if (expiry.isEmpty()) {
			return this.defaultExpiry;
		}
		try {
			Duration parsed = DurationStyle.detectAndParse(expiry);
			if (parsed.isNegative() || parsed.isZero()) {
				throw new IllegalArgumentException("not positive");
			}
			return parsed;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("@Idempotent(expiry = \"" + idempotent.expiry() + "\") on "
					+ method.getShortLogMessage() + " is not a positive duration such as \"10m\"", ex);
		}
	}

	/**
	 * The rules for one request.
	 *
	 * @param required whether the request must carry a key
	 * @param expiry how long its completed response is replayed
	 */
	record Policy(boolean required, Duration expiry) {
	}

	private record HandlerKey(Class<?> type, Method method) {
	}

}
