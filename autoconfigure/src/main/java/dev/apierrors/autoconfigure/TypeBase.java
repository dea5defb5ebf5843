package dev.apierrors.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Checks {@code api.errors.type-base} and makes sure an error code can be appended to it: a {@code /} is added
 * unless the base already ends with {@code /}, {@code #}, {@code =} or {@code :}.
 */
final class TypeBase {

	private static final String NAME = "api.errors.type-base";

	private TypeBase() {
	}

	static @Nullable String of(@Nullable String typeBase) {
		if (!StringUtils.hasText(typeBase)) {
			return null;
		}
		String base = typeBase.trim();
		char last = base.charAt(base.length() - 1);
		if (last != '/' && last != '#' && last != '=' && last != ':') {
			base = base + "/";
		}
		try {
			URI example = new URI(base + "not_found");
			if (!example.isAbsolute()) {
				throw new InvalidConfigurationPropertyValueException(NAME, typeBase,
						"Problem type URIs must be absolute, such as https://docs.example.com/errors/.");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(NAME, typeBase,
					"It is not a valid URI: " + ex.getReason() + ".");
		}
		return base;
	}

}
