package dev.apierrors.servlet;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorDetails;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DelegatingMessageSource;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Replaces the client message of an error with the one the application's {@link MessageSource} has for its code,
 * under the key {@code api.errors.message.<code>}, in the locale of the request (by default from
 * {@code Accept-Language}); an error without such a key keeps its message. The error's message arguments fill
 * {@code {0}}, {@code {1}}, ... through {@link java.text.MessageFormat}, as plain text: nothing in a message or an
 * argument is ever evaluated as an expression.
 */
public class LocalizedMessages {

	/** Prefix of the message keys, followed by the error code. */
	public static final String KEY_PREFIX = "api.errors.message.";

	private static final Logger logger = LoggerFactory.getLogger(LocalizedMessages.class);

	private static final int MAX_CACHED_KEYS = 1024;

	private final MessageSource messageSource;

	private final boolean active;

	private final Supplier<@Nullable LocaleResolver> localeResolvers;

	private volatile @Nullable LocaleResolver localeResolver;

	private final Map<String, String> keys = new ConcurrentHashMap<>();

	private volatile boolean failureLogged;

	/**
	 * Create an instance.
	 * @param messageSource where localised messages are looked up; an empty {@link DelegatingMessageSource}, as a
	 * context without messages has, turns localisation off
	 * @param localeResolver supplies the application's locale resolver, or {@code null} to use the request's
	 * {@code Accept-Language}; asked on first use, once the application has started
	 */
	public LocalizedMessages(MessageSource messageSource, Supplier<@Nullable LocaleResolver> localeResolver) {
		this.messageSource = messageSource;
		this.active = !(messageSource instanceof DelegatingMessageSource delegating
				&& delegating.getParentMessageSource() == null);
		this.localeResolvers = localeResolver;
	}

	/**
	 * Replace the error's message with the localised one for its code, when the message source has one.
	 * @param request the request, whose locale is used
	 * @param error the error about to be written
	 */
	public void localize(HttpServletRequest request, ApiErrorDetails error) {
		if (!this.active) {
			return;
		}
		String key = key(error.getCode());
		String message;
		try {
			message = this.messageSource.getMessage(key, error.getMessageArguments(), null, locale(request));
		}
		catch (RuntimeException ex) {
			logFailure(key, ex);
			return;
		}
		if (message != null && !message.isBlank() && !message.equals(key)) {
			error.setMessage(message);
		}
	}

	private String key(String code) {
		String key = this.keys.get(code);
		if (key == null) {
			key = KEY_PREFIX + code;
			if (this.keys.size() < MAX_CACHED_KEYS) {
				this.keys.put(code, key);
			}
		}
		return key;
	}

	private Locale locale(HttpServletRequest request) {
		LocaleResolver resolver = this.localeResolver;
		if (resolver == null) {
			resolver = this.localeResolvers.get();
			this.localeResolver = resolver;
		}
		return (resolver != null) ? resolver.resolveLocale(request) : request.getLocale();
	}

	private void logFailure(String key, RuntimeException ex) {
		if (!this.failureLogged) {
			this.failureLogged = true;
			logger.warn("Looking up message '{}' failed; errors keep their default messages", key, ex);
		}
		else {
			logger.debug("Looking up message '{}' failed; keeping the default message", key, ex);
		}
	}

}
