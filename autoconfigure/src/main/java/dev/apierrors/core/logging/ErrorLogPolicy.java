package dev.apierrors.core.logging;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * Which level each status is logged at and whether its stack trace is included, by status ({@code "404"}) or
 * status class ({@code "4xx"}), the exact status winning; by default 5xx at ERROR with stack traces, 401, 403 and
 * 429 at INFO, other 4xx at DEBUG without.
 */
public final class ErrorLogPolicy {

	/** The defaults. */
	public static final ErrorLogPolicy DEFAULT = of(
			Map.of("5xx", Level.ERROR, "4xx", Level.DEBUG, "401", Level.INFO, "403", Level.INFO, "429", Level.INFO),
			Map.of("4xx", false, "5xx", true));

	private final @Nullable Level[] levels = new Level[600];

	private final boolean[] stackTraces = new boolean[600];

	private ErrorLogPolicy(Map<String, LevelOrOff> levels, Map<String, Boolean> stackTraces) {
		for (int status = 0; status < 600; status++) {
			this.levels[status] = level(levels, status);
			this.stackTraces[status] = stackTrace(stackTraces, status);
		}
	}

	/**
	 * Create a policy.
	 * @param levels the level by status or status class; a {@code null} level logs nothing
	 * @param stackTraces whether stack traces are logged, by status or status class
	 * @return the policy
	 * @throws IllegalArgumentException if a key is neither a status from 400 to 599 nor {@code 4xx} or {@code 5xx},
	 * naming the key
	 */
	public static ErrorLogPolicy of(Map<String, ? extends @Nullable Level> levels, Map<String, Boolean> stackTraces) {
		Map<String, LevelOrOff> checkedLevels = new HashMap<>();
		levels.forEach((key, level) -> checkedLevels.put(key(key), new LevelOrOff(level)));
		Map<String, Boolean> checkedStackTraces = new HashMap<>();
		stackTraces.forEach((key, enabled) -> checkedStackTraces.put(key(key), enabled));
		return new ErrorLogPolicy(checkedLevels, checkedStackTraces);
	}

	private static String key(String key) {
		String normalized = key.trim().toLowerCase(Locale.ROOT);
		if (!normalized.matches("[45]xx|[45][0-9][0-9]")) {
			throw new IllegalArgumentException(key);
		}
		return normalized;
	}

	private static @Nullable Level level(Map<String, LevelOrOff> levels, int status) {
		LevelOrOff exact = levels.get(Integer.toString(status));
		if (exact != null) {
			return exact.level();
		}
		LevelOrOff byClass = levels.get((status / 100) + "xx");
		if (byClass != null) {
			return byClass.level();
		}
		return (status >= 500) ? Level.ERROR : Level.DEBUG;
	}

	private static boolean stackTrace(Map<String, Boolean> stackTraces, int status) {
		Boolean exact = stackTraces.get(Integer.toString(status));
		if (exact != null) {
			return exact;
		}
		Boolean byClass = stackTraces.get((status / 100) + "xx");
		return (byClass != null) ? byClass : status >= 500;
	}

	/**
	 * Return the level a status is logged at.
	 * @param status the status
	 * @return the level, or {@code null} when the status is not logged
	 */
	public @Nullable Level level(int status) {
		return this.levels[clamp(status)];
	}

	/**
	 * Return whether errors of a status are logged with their stack trace.
	 * @param status the status
	 * @return whether the stack trace is logged
	 */
	public boolean stackTrace(int status) {
		return this.stackTraces[clamp(status)];
	}

	/**
	 * Return whether some client error (4xx) is logged with its stack trace.
	 * @return whether typed 4xx exceptions need a stack trace
	 */
	public boolean logsClientErrorStackTraces() {
		for (int status = 400; status < 500; status++) {
			if (this.stackTraces[status] && this.levels[status] != null) {
				return true;
			}
		}
		return false;
	}

	private static int clamp(int status) {
		return Math.min(Math.max(status, 0), 599);
	}

	/** A level, or none for "off". */
	private record LevelOrOff(@Nullable Level level) {
	}

}
