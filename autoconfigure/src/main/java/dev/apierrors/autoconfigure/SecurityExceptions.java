package dev.apierrors.autoconfigure;

import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Tells which exceptions from handlers Spring Security's filter chain answers itself (it tells 401 from 403
 * using who is logged in); loaded only when Spring Security is present.
 */
final class SecurityExceptions {

	private SecurityExceptions() {
	}

	static Predicate<Throwable> passToFilterChain(ApplicationContext context) {
		if (context.getBeanNamesForType(SecurityFilterChain.class, false, false).length == 0) {
			return (ex) -> false;
		}
		return (ex) -> ex instanceof AccessDeniedException || ex instanceof AuthenticationException;
	}

}
