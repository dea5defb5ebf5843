package dev.apierrors.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains an {@link InvalidMappingException} when start-up fails: which entry, which property, where it was set
 * and how a valid entry looks.
 */
class InvalidMappingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMappingException> {

	private final @Nullable Environment environment;

	InvalidMappingFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidMappingException cause) {
		StringBuilder description = new StringBuilder();
		description.append("The exception mapping ").append(cause.getEntry()).append(" cannot be used: ");
		description.append(cause.getPropertyName());
		ConfigurationProperty property = find(cause.getPropertyName());
		if (property != null && property.getOrigin() != null) {
			description.append(" (originating from '").append(property.getOrigin()).append("')");
		}
		description.append(' ').append(cause.getReason()).append('.');
		String action = "Correct " + cause.getEntry() + ". Each entry of api.errors.mappings needs 'exception', the "
				+ "fully qualified name of an exception class on the classpath (a nested class as Outer$Inner or "
				+ "Outer.Inner), and 'status', from 400 to 599; 'code' is optional and snake_case (such as "
				+ "item_missing), 'message' is optional. Each class may be mapped once.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private @Nullable ConfigurationProperty find(String name) {
		if (this.environment == null) {
			return null;
		}
		ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(propertyName);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

}
