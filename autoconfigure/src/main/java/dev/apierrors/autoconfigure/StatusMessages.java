package dev.apierrors.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Checks the {@code api.errors.messages} entries, failing start-up when a key is not a status from 400 to 599 or a
 * message is blank, since such an entry would never apply or would send an empty message.
 */
final class StatusMessages {

	private StatusMessages() {
	}

	static Map<Integer, String> of(Map<Integer, String> messages) {
		Map<Integer, String> checked = new HashMap<>();
		messages.forEach((status, message) -> {
			String name = "api.errors.messages." + status;
			if (status < 400 || status > 599) {
				throw new InvalidConfigurationPropertyValueException(name, message,
						"The key " + status + " is not an error status (400 to 599).");
			}
			if (!StringUtils.hasText(message)) {
				throw new InvalidConfigurationPropertyValueException(name, message,
						"A client message must not be blank.");
			}
			checked.put(status, message.trim());
		});
		return Map.copyOf(checked);
	}

}
