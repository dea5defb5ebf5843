package dev.apierrors.servlet.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers an authenticated request that is denied with 403 and the uniform body ({@code invalid_csrf_token} for
 * a CSRF failure), written directly rather than through the error dispatch.
 */
public final class ApiErrorsAccessDeniedHandler implements AccessDeniedHandler {

	private final ServletErrorWriter writer;

	/**
	 * Create the handler.
	 * @param writer writes the response
	 */
	public ApiErrorsAccessDeniedHandler(ServletErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) {
		this.writer.write(request, response, this.writer.resolver().resolve(accessDeniedException));
	}

}
