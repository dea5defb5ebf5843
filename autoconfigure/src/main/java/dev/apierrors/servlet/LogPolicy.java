package dev.apierrors.servlet;

import java.util.Map;

import org.slf4j.event.Level;

/**
 * Which level each status is logged at and whether its stack trace is included.
 *
 * @param levels level by status ({@code "404"}) or status class ({@code "4xx"}); the exact status wins
 * @param stackTraces whether stack traces are logged, by status class ({@code "4xx"}, {@code "5xx"})
 */
public record LogPolicy(Map<String, Level> levels, Map<String, Boolean> stackTraces) {

	/** The defaults: 5xx at ERROR with stack traces, 401, 403 and 429 at INFO, other 4xx at DEBUG. */
	public static final LogPolicy DEFAULT = new LogPolicy(
			Map.of("5xx", Level.ERROR, "4xx", Level.DEBUG, "401", Level.INFO, "403", Level.INFO, "429", Level.INFO),
			Map.of("4xx", false, "5xx", true));

	Level level(int status) {
		Level exact = this.levels.get(Integer.toString(status));
		if (exact != null) {
			return exact;
		}
		Level byClass = this.levels.get((status / 100) + "xx");
		if (byClass != null) {
			return byClass;
		}
		return (status >= 500) ? Level.ERROR : Level.DEBUG;
	}

	boolean stackTrace(int status) {
		Boolean byClass = this.stackTraces.get((status / 100) + "xx");
		return (byClass != null) ? byClass : status >= 500;
	}

}
