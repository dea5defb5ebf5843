package dev.apierrors.autoconfigure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.event.Level;

import dev.apierrors.servlet.LogPolicy;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.LogLevel;

/**
 * Turns the {@code api.errors.logging} settings into a {@link LogPolicy}, failing start-up when a key is neither
 * a status from 400 to 599 nor a status class ({@code 4xx}, {@code 5xx}), since such a key would never match.
 */
final class LogPolicies {

	private static final Pattern KEY = Pattern.compile("[45]xx|[45][0-9][0-9]");

	private LogPolicies() {
	}

	static LogPolicy of(ApiErrorsProperties.Logging logging) {
		Map<String, Level> levels = new HashMap<>();
		Set<String> silenced = new HashSet<>();
		logging.getLevels().forEach((key, level) -> {
			String status = key("api.errors.logging.levels", key, level);
			if (level == LogLevel.OFF) {
				silenced.add(status);
			}
			else {
				levels.put(status, toSlf4j(level));
			}
		});
		Map<String, Boolean> stackTraces = new HashMap<>();
		logging.getStackTraces()
			.forEach((key, enabled) -> stackTraces.put(key("api.errors.logging.stack-traces", key, enabled), enabled));
		return new LogPolicy(Map.copyOf(levels), Map.copyOf(stackTraces), Set.copyOf(silenced));
	}

	private static String key(String prefix, String key, Object value) {
		String normalized = key.trim().toLowerCase(Locale.ROOT);
		if (!KEY.matcher(normalized).matches()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "." + key, value,
					"The key '" + key + "' is neither a status from 400 to 599 (such as 404) nor a status class "
							+ "(4xx or 5xx), so it would never apply.");
		}
		return normalized;
	}

	private static Level toSlf4j(LogLevel level) {
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			default -> Level.ERROR;
		};
	}

}
