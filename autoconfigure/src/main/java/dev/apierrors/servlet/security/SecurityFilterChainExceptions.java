package dev.apierrors.servlet.security;

import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Tells which exceptions from handlers Spring Security's filter chain answers itself (it tells 401 from 403
 * using who is logged in): its own exceptions, when the application has a filter chain.
 */
public final class SecurityFilterChainExceptions {

	private SecurityFilterChainExceptions() {
	}

	/**
	 * Return which exceptions to pass on to the filter chains of the context.
	 * @param context the application context
	 * @return the test, which accepts nothing when the context has no filter chain
	 */
	public static Predicate<Throwable> of(ApplicationContext context) {
		if (context.getBeanNamesForType(SecurityFilterChain.class, false, false).length == 0) {
			return (ex) -> false;
		}
		return (ex) -> ex instanceof AccessDeniedException || ex instanceof AuthenticationException;
	}

}
