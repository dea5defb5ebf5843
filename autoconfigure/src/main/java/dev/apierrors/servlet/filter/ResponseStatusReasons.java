package dev.apierrors.servlet.filter;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Finds the reason of a handler method's {@code @ResponseStatus(code = ..., reason = ...)}, which Spring MVC sends
 * with {@code sendError}: like the reason of an exception's {@code @ResponseStatus}, it is the client message of
 * a 4xx.
 */
final class ResponseStatusReasons {

	private ResponseStatusReasons() {
	}

	static @Nullable ResolvedError errorFor(HttpServletRequest request, int status, ErrorCatalog catalog) {
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
			return null;
		}
		ResponseStatus annotation = handler.getMethodAnnotation(ResponseStatus.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ResponseStatus.class);
		}
		if (annotation == null || annotation.code().value() != status || annotation.reason().isBlank()) {
			return null;
		}
		return ResolvedError.builder(status, catalog.code(status), annotation.reason()).build();
	}

}
