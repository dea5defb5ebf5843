package dev.apierrors.servlet.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.core.ErrorExchange;
import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the error writer, at the start of a filter chain with HTTP Basic, which challenge a 401 of the request
 * announces: the chain's {@code Basic} challenge, or none for an {@code XMLHttpRequest}, which HTTP Basic answers
 * without one on purpose.
 */
final class ChallengeHintFilter extends OncePerRequestFilter {

	private final String challenge;

	ChallengeHintFilter(String challenge) {
		this.challenge = challenge;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean xhr = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
		request.setAttribute(ServletErrorWriter.CHALLENGE_ATTRIBUTE, xhr ? ErrorExchange.NO_CHALLENGE : this.challenge);
		chain.doFilter(request, response);
	}

}
