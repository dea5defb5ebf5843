package dev.apierrors.servlet.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.apierrors.core.ErrorExchange;
import dev.apierrors.core.http.AuthenticationChallenges;
import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the error writer, at the start of a filter chain with HTTP Basic, which challenge a 401 of the request
 * announces: {@code Basic} with the chain's realm, or none for an {@code XMLHttpRequest}, which HTTP Basic answers
 * without one on purpose.
 */
final class ChallengeHintFilter extends OncePerRequestFilter {

	private final String challenge;

	ChallengeHintFilter(String realm) {
		this.challenge = "Basic realm=" + AuthenticationChallenges.quoted(realm);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean xhr = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
		request.setAttribute(ServletErrorWriter.CHALLENGE_ATTRIBUTE, xhr ? ErrorExchange.NO_CHALLENGE : this.challenge);
		chain.doFilter(request, response);
	}

}
