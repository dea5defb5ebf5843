package dev.apierrors.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.http.AuthenticationChallenges;
import dev.apierrors.core.logging.ErrorLogPolicy;
import dev.apierrors.core.requestid.RequestIds;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.LogLevel;

/**
 * Turns {@link ApiErrorsProperties} into the core's settings, failing start-up with the faulty property's name
 * and value when one would never apply or would break a response.
 */
final class Settings {

	private Settings() {
	}

	static ErrorCatalog catalog(ApiErrorsProperties properties) {
		Map<Integer, String> messages = properties.getMessages();
		messages.forEach((status, message) -> check("api.errors.messages." + status, message,
				() -> new ErrorCatalog(Map.of(status, message))));
		return new ErrorCatalog(messages);
	}

	static ErrorLogPolicy logPolicy(ApiErrorsProperties.Logging logging) {
		Map<String, @Nullable Level> levels = new HashMap<>();
		logging.getLevels().forEach((key, level) -> {
			check("api.errors.logging.levels." + key, level, () -> ErrorLogPolicy.of(Map.of(key, Level.INFO), Map.of()));
			levels.put(key, toSlf4j(level));
		});
		logging.getStackTraces()
			.forEach((key, enabled) -> check("api.errors.logging.stack-traces." + key, enabled,
					() -> ErrorLogPolicy.of(Map.of(), Map.of(key, enabled))));
		return ErrorLogPolicy.of(levels, logging.getStackTraces());
	}

	/**
	 * Return whether Spring Boot's structured logging writes Elastic Common Schema everywhere the application
	 * logs (console, and the file when one is configured), so that the error logger writes exceptions as key-value
	 * pairs that nest beside {@code error.code}.
	 */
	static boolean ecsLogging(org.springframework.core.env.Environment environment) {
		String console = environment.getProperty("logging.structured.format.console");
		String file = environment.getProperty("logging.structured.format.file");
		boolean fileLogging = environment.containsProperty("logging.file.name")
				|| environment.containsProperty("logging.file.path");
		return "ecs".equalsIgnoreCase(console) && (!fileLogging || "ecs".equalsIgnoreCase(file));
	}

	static String requestIdHeader(ApiErrorsProperties.RequestId requestId) {
		return check("api.errors.request-id.header", requestId.getHeader(),
				() -> RequestIds.checkHeaderName(requestId.getHeader()));
	}

	static AuthenticationChallenges challenges(ApiErrorsProperties.Authentication authentication) {
		return check("api.errors.authentication.scheme", authentication.getScheme(),
				() -> new AuthenticationChallenges(authentication.getScheme(), authentication.getRealm()));
	}

	static int validationStatus(ApiErrorsProperties.Validation validation) {
		int status = validation.getStatus();
		if (status != 422 && status != 400) {
			throw new InvalidConfigurationPropertyValueException("api.errors.validation.status", status,
					"A validation failure is answered with 422 or, as Spring answers it, 400.");
		}
		return status;
	}

	static boolean docUrl(boolean docUrl, @Nullable String typeBase, ApiErrorFormat format) {
		if (docUrl && typeBase == null) {
			throw new InvalidConfigurationPropertyValueException("api.errors.doc-url", true,
					"A doc_url is the type base followed by the code, so it needs api.errors.type-base, such as "
							+ "https://docs.example.com/errors/.");
		}
		if (docUrl && format != ApiErrorFormat.SIMPLE) {
			throw new InvalidConfigurationPropertyValueException("api.errors.doc-url", true,
					"Problem details already link the documentation of their code as 'type'; doc_url belongs to "
							+ "the simple format only.");
		}
		return docUrl;
	}

	static int unauthenticatedStatus(ApiErrorsProperties.Authentication authentication) {
		int status = authentication.getUnauthenticatedStatus();
		if (status != 401 && status != 403) {
			throw new InvalidConfigurationPropertyValueException("api.errors.authentication.unauthenticated-status",
					status, "An unauthenticated request is answered with 401 or, as Spring Security answers it "
							+ "without a login mechanism, 403.");
		}
		return status;
	}

	private static <T> T check(String name, @Nullable Object value, Supplier<T> creation) {
		try {
			return creation.get();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(name, value, reason(name, ex));
		}
	}

	private static String reason(String name, IllegalArgumentException ex) {
		if (name.startsWith("api.errors.logging.")) {
			return "The key '" + ex.getMessage() + "' is neither a status from 400 to 599 (such as 404) nor a "
					+ "status class (4xx or 5xx), so it would never apply.";
		}
		return ex.getMessage();
	}

	private static @Nullable Level toSlf4j(@Nullable LogLevel level) {
		if (level == null || level == LogLevel.OFF) {
			return null;
		}
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			default -> Level.ERROR;
		};
	}

}
