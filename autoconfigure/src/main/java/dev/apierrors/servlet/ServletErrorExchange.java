package dev.apierrors.servlet;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ErrorExchange;

import org.springframework.web.servlet.LocaleResolver;

/**
 * A servlet request and response as the core sees them.
 */
final class ServletErrorExchange implements ErrorExchange {

	private static final String LOGGED = ServletErrorExchange.class.getName() + ".logged";

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final String requestId;

	private final @Nullable LocaleResolver localeResolver;

	ServletErrorExchange(HttpServletRequest request, HttpServletResponse response, String requestId,
			@Nullable LocaleResolver localeResolver) {
		this.request = request;
		this.response = response;
		this.requestId = requestId;
		this.localeResolver = localeResolver;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String path() {
		Object original = this.request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (original instanceof String uri) ? uri : this.request.getRequestURI();
	}

	@Override
	public String requestId() {
		return this.requestId;
	}

	@Override
	public Locale locale() {
		return (this.localeResolver != null) ? this.localeResolver.resolveLocale(this.request)
				: this.request.getLocale();
	}

	@Override
	public @Nullable String existingHeader(String name) {
		Object defaults = this.request.getAttribute(ServletErrorWriter.DEFAULT_HEADERS_ATTRIBUTE);
		if (defaults instanceof Set<?> names && names.contains(name.toLowerCase(Locale.ROOT))) {
			return null;
		}
		return this.response.getHeader(name);
	}

	@Override
	public @Nullable String challenge() {
		return (this.request.getAttribute(ServletErrorWriter.CHALLENGE_ATTRIBUTE) instanceof String challenge)
				? challenge : null;
	}

	@Override
	public boolean markLogged() {
		if (this.request.getAttribute(LOGGED) != null) {
			return false;
		}
		this.request.setAttribute(LOGGED, Boolean.TRUE);
		return true;
	}

}
