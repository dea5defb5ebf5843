package dev.apierrors.it;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The test apps' authentication: {@code Authorization: Bearer user} (ROLE_USER) and {@code Bearer admin}
 * (ROLE_ADMIN); any other bearer token is rejected with a {@link BadCredentialsException}.
 */
public class TestBearerTokenFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.startsWith("Bearer ")) {
			String token = header.substring(7);
			if (!token.equals("user") && !token.equals("admin")) {
				throw new BadCredentialsException("Unknown token " + token);
			}
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(token, null,
						AuthorityUtils.createAuthorityList("ROLE_" + token.toUpperCase(Locale.ROOT))));
		}
		chain.doFilter(request, response);
	}

}
