package dev.apierrors.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.servlet.ApiErrorRenderer;
import dev.apierrors.servlet.ApiErrorResolver;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that is denied with 403 and the uniform body ({@code invalid_csrf_token} for
 * a CSRF failure), written directly rather than through the error dispatch.
 */
public class ApiErrorsAccessDeniedHandler implements AccessDeniedHandler {

	private final ApiErrorResolver resolver;

	private final ApiErrorRenderer renderer;

	/**
	 * Create the handler.
	 * @param resolver resolves the exception
	 * @param renderer writes the response
	 */
	public ApiErrorsAccessDeniedHandler(ApiErrorResolver resolver, ApiErrorRenderer renderer) {
		this.resolver = resolver;
		this.renderer = renderer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) {
		this.renderer.render(request, response, this.resolver.resolve(accessDeniedException));
	}

}
