package dev.apierrors.servlet;

import java.util.Map;

import dev.apierrors.ApiErrorDetails;
import dev.apierrors.servlet.ApiErrorResolver.Rule;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Rules for Spring Security's exceptions when they reach the starter rather than Security's own filters; loaded
 * only when Spring Security is present.
 */
final class SecurityRules {

	private SecurityRules() {
	}

	static void register(Map<Class<?>, Rule> rules, ApiErrorResolver resolver) {
		rules.put(AccessDeniedException.class, (ex) -> details(resolver, 403, ex));
		rules.put(AuthenticationException.class, (ex) -> details(resolver, 401, ex));
		if (org.springframework.util.ClassUtils.isPresent("org.springframework.security.web.csrf.CsrfException",
				SecurityRules.class.getClassLoader())) {
			rules.put(CsrfException.class, (ex) -> ApiErrorDetails
				.builder(403, "invalid_csrf_token", "The CSRF token is missing or invalid.")
				.exception(ex)
				.build());
		}
	}

	private static ApiErrorDetails details(ApiErrorResolver resolver, int status, Throwable ex) {
		return ApiErrorDetails.builder(status, resolver.code(status), resolver.message(status)).exception(ex).build();
	}

}
