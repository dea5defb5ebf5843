package dev.apierrors.servlet;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

/**
 * Which level each status is logged at and whether its stack trace is included.
 *
 * @param levels level by status ({@code "404"}) or status class ({@code "4xx"}); the exact status wins
 * @param stackTraces whether stack traces are logged, by status ({@code "404"}) or status class ({@code "4xx"});
 * the exact status wins
 * @param silenced statuses and status classes that are not logged at all, with the same precedence as levels
 */
public record LogPolicy(Map<String, Level> levels, Map<String, Boolean> stackTraces, Set<String> silenced) {

	/** The defaults: 5xx at ERROR with stack traces, 401, 403 and 429 at INFO, other 4xx at DEBUG. */
	public static final LogPolicy DEFAULT = new LogPolicy(
			Map.of("5xx", Level.ERROR, "4xx", Level.DEBUG, "401", Level.INFO, "403", Level.INFO, "429", Level.INFO),
			Map.of("4xx", false, "5xx", true));

	/**
	 * Create a policy that silences nothing.
	 * @param levels level by status or status class
	 * @param stackTraces whether stack traces are logged, by status or status class
	 */
	public LogPolicy(Map<String, Level> levels, Map<String, Boolean> stackTraces) {
		this(levels, stackTraces, Set.of());
	}

	@Nullable Level level(int status) {
		String exact = Integer.toString(status);
		if (this.silenced.contains(exact)) {
			return null;
		}
		Level level = this.levels.get(exact);
		if (level != null) {
			return level;
		}
		String statusClass = (status / 100) + "xx";
		if (this.silenced.contains(statusClass)) {
			return null;
		}
		level = this.levels.get(statusClass);
		if (level != null) {
			return level;
		}
		return (status >= 500) ? Level.ERROR : Level.DEBUG;
	}

	/**
	 * Return whether any client error (4xx) is logged with its stack trace.
	 * @return whether some 4xx status logs stack traces
	 */
	public boolean logsClientErrorStackTraces() {
		for (int status = 400; status < 500; status++) {
			if (stackTrace(status)) {
				return true;
			}
		}
		return false;
	}

	boolean stackTrace(int status) {
		Boolean exact = this.stackTraces.get(Integer.toString(status));
		if (exact != null) {
			return exact;
		}
		Boolean byClass = this.stackTraces.get((status / 100) + "xx");
		return (byClass != null) ? byClass : status >= 500;
	}

}
