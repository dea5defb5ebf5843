package dev.apierrors.servlet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers an unauthenticated request with 401, a {@code WWW-Authenticate} challenge and the uniform body (or
 * with the 403 of {@code api.errors.authentication.unauthenticated-status}), written directly rather than through
 * the error dispatch.
 */
public final class ApiErrorsAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ServletErrorWriter writer;

	/**
	 * Create the entry point.
	 * @param writer writes the response
	 */
	public ApiErrorsAuthenticationEntryPoint(ServletErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) {
		this.writer.write(request, response, this.writer.resolver().resolve(authException));
	}

}
