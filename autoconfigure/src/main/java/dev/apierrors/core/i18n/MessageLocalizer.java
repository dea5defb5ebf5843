package dev.apierrors.core.i18n;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.core.ResolvedError;

import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.context.support.DelegatingMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Replaces the client message of an error with the one the application's {@link MessageSource} has for its code,
 * under the key {@code api.errors.message.<code>}, in the locale of the request; an error without such a key keeps
 * its message. The error's message arguments fill {@code {0}}, {@code {1}}, ... through
 * {@link java.text.MessageFormat}, as plain text: nothing in a message or an argument is ever evaluated.
 *
 * <p>The locale a client asks for is first matched to the locales the application's bundles have (language and
 * country, then language, else the bundle the application falls back to), so that a flood of invented
 * {@code Accept-Language} values cannot make the message source probe the classpath or grow its caches; when the
 * bundles cannot be listed, locales are cut to a known ISO language. Lookups are cached per code and locale,
 * including the codes that have no key.
 */
public final class MessageLocalizer {

	/** Prefix of the message keys, followed by the error code. */
	public static final String KEY_PREFIX = "api.errors.message.";

	private static final Logger logger = LoggerFactory.getLogger(MessageLocalizer.class);

	private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

	private static final int MAX_CODES_PER_LOCALE = 1024;

	private static final Object NO_KEY = new Object();

	private static final Object NEEDS_ARGUMENTS = new Object();

	private final MessageSource messageSource;

	private final boolean active;

	private final @Nullable Set<Locale> available;

	private final Locale fallback;

	private final Map<Locale, Map<String, Object>> lookups = new ConcurrentHashMap<>();

	private volatile boolean failureLogged;

	/**
	 * Create a localizer.
	 * @param messageSource where localised messages are looked up; an empty {@link DelegatingMessageSource}, as a
	 * context without messages has, turns localisation off
	 * @param available the locales the application's bundles have, or {@code null} when they cannot be listed
	 */
	public MessageLocalizer(MessageSource messageSource, @Nullable Set<Locale> available) {
		this.messageSource = messageSource;
		this.active = !(messageSource instanceof DelegatingMessageSource delegating
				&& delegating.getParentMessageSource() == null);
		this.available = (available != null) ? Set.copyOf(available) : null;
		Locale system = normalizeToAvailable(Locale.getDefault());
		this.fallback = (system != null) ? system : Locale.ROOT;
	}

	/**
	 * Create a localizer for the given message source, listing the locales of its bundles when it is a
	 * resource bundle message source.
	 * @param messageSource the message source
	 * @param classLoader the class loader that loads the bundles
	 * @return the localizer
	 */
	public static MessageLocalizer of(MessageSource messageSource, @Nullable ClassLoader classLoader) {
		return new MessageLocalizer(messageSource, bundleLocales(messageSource, classLoader));
	}

	/**
	 * Return whether the message source can hold messages at all.
	 * @return whether localisation is on
	 */
	public boolean isActive() {
		return this.active;
	}

	/**
	 * Replace the error's message with the localised one for its code, when the message source has one.
	 * @param error the error about to be written
	 * @param locale supplies the locale of the request; asked only when localisation is on
	 */
	public void localize(ResolvedError error, Supplier<Locale> locale) {
		if (!this.active) {
			return;
		}
		try {
			Locale effective = normalize(locale.get());
			Map<String, Object> byCode = this.lookups.computeIfAbsent(effective, (key) -> new ConcurrentHashMap<>());
			String code = error.getCode();
			Object cached = byCode.get(code);
			if (cached == NO_KEY) {
				return;
			}
			Object[] arguments = error.getMessageArguments();
			if (cached instanceof String message && arguments.length == 0) {
				error.setMessage(message);
				return;
			}
			String key = KEY_PREFIX + code;
			String message = this.messageSource.getMessage(key, (arguments.length > 0) ? arguments : null, null,
					effective);
			boolean found = message != null && !message.isBlank() && !message.equals(key);
			if (cached == null && byCode.size() < MAX_CODES_PER_LOCALE) {
				byCode.put(code, !found ? NO_KEY : (arguments.length == 0) ? message : NEEDS_ARGUMENTS);
			}
			if (found) {
				error.setMessage(message);
			}
		}
		catch (RuntimeException ex) {
			logFailure(error.getCode(), ex);
		}
	}

	/**
	 * Return the locale messages are looked up in for a requested locale: an available locale, or the fallback.
	 * @param requested the locale the client asked for
	 * @return the locale to look up
	 */
	Locale normalize(@Nullable Locale requested) {
		if (requested == null) {
			return this.fallback;
		}
		Locale normalized = normalizeToAvailable(requested);
		return (normalized != null) ? normalized : this.fallback;
	}

	private @Nullable Locale normalizeToAvailable(Locale requested) {
		String language = requested.getLanguage();
		if (!ISO_LANGUAGES.contains(language)) {
			return null;
		}
		if (this.available == null) {
			return new Locale(language);
		}
		if (!requested.getCountry().isEmpty()) {
			Locale withCountry = new Locale(language, requested.getCountry());
			if (this.available.contains(withCountry)) {
				return withCountry;
			}
		}
		Locale languageOnly = new Locale(language);
		return this.available.contains(languageOnly) ? languageOnly : null;
	}

	private void logFailure(String code, RuntimeException ex) {
		if (!this.failureLogged) {
			this.failureLogged = true;
			logger.warn("Looking up the message of '{}' failed; errors keep their default messages", code, ex);
		}
		else {
			logger.debug("Looking up the message of '{}' failed; keeping the default message", code, ex);
		}
	}

	/**
	 * Return the locales of the bundles of a resource bundle message source, found on the classpath, or
	 * {@code null} when the message source is of another kind.
	 */
	static @Nullable Set<Locale> bundleLocales(MessageSource messageSource, @Nullable ClassLoader classLoader) {
		MessageSource source = messageSource;
		while (source instanceof DelegatingMessageSource delegating && delegating.getParentMessageSource() != null) {
			source = delegating.getParentMessageSource();
		}
		if (!(source instanceof AbstractResourceBasedMessageSource bundles)) {
			return null;
		}
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		Set<Locale> locales = new HashSet<>();
		try {
			for (String basename : bundles.getBasenameSet()) {
				String path = basename.startsWith("classpath:") ? basename.substring("classpath:".length())
						: basename.replace('.', '/');
				String name = path.substring(path.lastIndexOf('/') + 1);
				for (Resource resource : resolver.getResources("classpath*:" + path + "_*.properties")) {
					Locale locale = localeOf(name, resource.getFilename());
					if (locale != null) {
						locales.add(locale);
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		return locales;
	}

	private static @Nullable Locale localeOf(String basename, @Nullable String filename) {
		if (filename == null || !filename.startsWith(basename + "_") || !filename.endsWith(".properties")) {
			return null;
		}
		String suffix = filename.substring(basename.length() + 1, filename.length() - ".properties".length());
		String[] parts = suffix.split("_", -1);
		if (parts.length == 0 || parts[0].isEmpty()) {
			return null;
		}
		return (parts.length == 1) ? new Locale(parts[0]) : new Locale(parts[0], parts[1]);
	}

}
