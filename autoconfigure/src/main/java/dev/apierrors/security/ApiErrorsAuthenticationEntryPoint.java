package dev.apierrors.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.servlet.ApiErrorRenderer;
import dev.apierrors.servlet.ApiErrorResolver;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated request with 401, a {@code WWW-Authenticate} challenge and the uniform body,
 * written directly rather than through the error dispatch.
 */
public class ApiErrorsAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ApiErrorResolver resolver;

	private final ApiErrorRenderer renderer;

	/**
	 * Create the entry point.
	 * @param resolver resolves the exception
	 * @param renderer writes the response
	 */
	public ApiErrorsAuthenticationEntryPoint(ApiErrorResolver resolver, ApiErrorRenderer renderer) {
		this.resolver = resolver;
		this.renderer = renderer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) {
		this.renderer.render(request, response, this.resolver.resolve(authException));
	}

}
