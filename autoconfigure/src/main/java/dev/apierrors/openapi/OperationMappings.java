package dev.apierrors.openapi;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * The request mapping of a handler method as its annotations declare it (the same in Spring MVC and WebFlux):
 * paths with the class-level prefix, methods, consumed and produced media types.
 *
 * @param paths the mapped paths, each starting with {@code /}
 * @param methods the HTTP methods, {@code GET} when none is declared
 * @param consumes whether the mapping declares the media types it consumes
 * @param produces whether the mapping declares the media types it produces
 */
record OperationMappings(List<String> paths, List<String> methods, boolean consumes, boolean produces) {

	static OperationMappings of(HandlerMethod handler) {
		RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
		RequestMapping onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		List<String> prefixes = paths(onType);
		List<String> suffixes = paths(onMethod);
		List<String> paths = new ArrayList<>();
		for (String prefix : prefixes) {
			for (String suffix : suffixes) {
				paths.add(join(prefix, suffix));
			}
		}
		List<String> methods = new ArrayList<>();
		if (onMethod != null) {
			for (RequestMethod method : onMethod.method()) {
				methods.add(method.name());
			}
		}
		if (methods.isEmpty() && onType != null) {
			for (RequestMethod method : onType.method()) {
				methods.add(method.name());
			}
		}
		if (methods.isEmpty()) {
			methods.add("GET");
		}
		boolean consumes = (onMethod != null && onMethod.consumes().length > 0)
				|| (onType != null && onType.consumes().length > 0);
		boolean produces = (onMethod != null && onMethod.produces().length > 0)
				|| (onType != null && onType.produces().length > 0);
		return new OperationMappings(List.copyOf(paths), List.copyOf(methods), consumes, produces);
	}

	private static List<String> paths(@Nullable RequestMapping mapping) {
		if (mapping == null || mapping.path().length == 0) {
			return List.of("");
		}
		return List.of(mapping.path());
	}

	private static String join(String prefix, String suffix) {
		String joined = (prefix.endsWith("/") && suffix.startsWith("/")) ? prefix + suffix.substring(1)
				: (prefix.isEmpty() || prefix.endsWith("/") || suffix.isEmpty() || suffix.startsWith("/"))
						? prefix + suffix : prefix + "/" + suffix;
		return joined.startsWith("/") ? joined : "/" + joined;
	}

	/**
	 * Return the first path with a sample value in place of each path variable, as a request would have it.
	 * @return the path
	 */
	String samplePath() {
		String path = this.paths.isEmpty() ? "/" : this.paths.get(0);
		return path.replaceAll("\\{[^}]*}", "1");
	}

}
