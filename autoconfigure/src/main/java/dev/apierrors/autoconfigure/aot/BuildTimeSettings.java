package dev.apierrors.autoconfigure.aot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * The settings that choose the starter's beans through conditions, which ahead-of-time processing evaluates once, at
 * build time. An application processed ahead of time records their values then and checks them at start-up: a
 * different value would be ignored, so start-up fails instead, naming the setting.
 */
public final class BuildTimeSettings {

	/** The settings read by conditions, with the value they have when unset. */
	static final Map<String, String> DEFAULTS = defaults();

	private BuildTimeSettings() {
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("api.errors.enabled", "true");
		defaults.put("api.errors.idempotency.enabled", "true");
		defaults.put("api.errors.idempotency.store", "auto");
		defaults.put("api.errors.client.decode", "true");
		return defaults;
	}

	/**
	 * Return the values the settings have in the given environment.
	 * @param environment the environment
	 * @return the value of each setting, by name
	 */
	static Map<String, String> of(Environment environment) {
		Map<String, String> values = new LinkedHashMap<>();
		DEFAULTS.forEach((name, defaultValue) -> values.put(name, value(environment, name)));
		return values;
	}

	/**
	 * Check that the settings have the values recorded at build time; called at start-up by the code that
	 * ahead-of-time processing generated.
	 * @param environment the application's environment
	 * @param namesAndValues the recorded settings, as name, value, name, value, ...
	 * @throws IllegalStateException naming every setting whose value differs from the recorded one
	 */
	public static void check(Environment environment, String... namesAndValues) {
		List<String> differences = new ArrayList<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			String name = namesAndValues[i];
			String recorded = namesAndValues[i + 1];
			String current = value(environment, name);
			if (!current.equals(recorded)) {
				differences.add(name + " is '" + current + "', but the application was processed ahead of time with '"
						+ recorded + "'");
			}
		}
		if (!differences.isEmpty()) {
			throw new IllegalStateException(String.join("; ", differences) + ". This setting chooses the beans of "
					+ "api-errors, which ahead-of-time processing fixed at build time, so the new value would be "
					+ "ignored: build the application again with it (see docs/aot-and-native.md of api-errors).");
		}
	}

	private static String value(Environment environment, String name) {
		@Nullable String value = environment.getProperty(name);
		return (value != null) ? value.trim().toLowerCase(Locale.ROOT) : DEFAULTS.getOrDefault(name, "");
	}

}
