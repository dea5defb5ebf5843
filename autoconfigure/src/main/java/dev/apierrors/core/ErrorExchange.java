package dev.apierrors.core;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a web adapter (Spring MVC, WebFlux) tells the core about the request whose error is being answered and the
 * response the error goes into.
 */
public interface ErrorExchange {

	/**
	 * Return the request method.
	 * @return the method, such as {@code GET}
	 */
	String method();

	/**
	 * Return the path the client asked for (on an error dispatch, the original one).
	 * @return the path
	 */
	String path();

	/**
	 * Return the id of the request.
	 * @return the request id
	 */
	String requestId();

	/**
	 * Return the locale client messages are localised to; asked only when localisation is on.
	 * @return the locale of the request
	 */
	Locale locale();

	/**
	 * Return a header the application or the framework set on the response before the error was answered,
	 * leaving out the defaults the starter itself added.
	 * @param name the header name
	 * @return the first value, or {@code null}
	 */
	@Nullable String existingHeader(String name);

	/**
	 * Return the {@code WWW-Authenticate} challenge of the security mechanism that handles the request.
	 * @return the challenge, {@link #NO_CHALLENGE} when the mechanism sends none on purpose, or {@code null} to use
	 * the configured scheme
	 */
	@Nullable String challenge();

	/**
	 * Record that this exchange's error is being logged.
	 * @return {@code true} the first time, {@code false} when it was logged already
	 */
	boolean markLogged();

	/** The challenge of a mechanism that deliberately answers without one (HTTP Basic to an XHR request). */
	String NO_CHALLENGE = "";

}
