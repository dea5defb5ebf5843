package dev.apierrors.autoconfigure.logging;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Shows the request id in every log line of Boot's default Logback and Log4j2 patterns, the way Boot shows
 * Micrometer Tracing's ids: adds a lowest-precedence default for {@code logging.pattern.correlation}, which those
 * patterns include. Any value the application sets wins; when Boot expects trace ids in the logs, they stay and
 * the request id follows them. In a WebFlux application it also defaults {@code spring.reactor.context-propagation}
 * to {@code auto}, so that the request id reaches the MDC of every thread an exchange hops to.
 */
class RequestIdLogCorrelationEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		WebApplicationType type = application.getWebApplicationType();
		if (type == WebApplicationType.SERVLET || type == WebApplicationType.REACTIVE) {
			environment.getPropertySources()
				.addLast(new RequestIdCorrelationPropertySource(this, environment, type == WebApplicationType.REACTIVE));
		}
	}

	/**
	 * Resolves the default correlation pattern when it is asked for, so that properties added later still count.
	 */
	static final class RequestIdCorrelationPropertySource extends EnumerablePropertySource<Object> {

		static final String NAME = "apiErrorsLogCorrelation";

		static final String PROPERTY = "logging.pattern.correlation";

		static final String CONTEXT_PROPAGATION = "spring.reactor.context-propagation";

		/** The request id, padded to the length of a generated one. */
		static final String REQUEST_ID_PATTERN = "%correlationId{request_id(22)}";

		/** Boot's default trace and span ids, then the request id. */
		static final String TRACE_AND_REQUEST_ID_PATTERN = "%correlationId{traceId(32),spanId(16),request_id(22)}";

		private final Environment environment;

		private final boolean reactive;

		RequestIdCorrelationPropertySource(Object source, Environment environment, boolean reactive) {
			super(NAME, source);
			this.environment = environment;
			this.reactive = reactive;
		}

		@Override
		public String[] getPropertyNames() {
			return this.reactive ? new String[] { PROPERTY, CONTEXT_PROPAGATION } : new String[] { PROPERTY };
		}

		@Override
		public @Nullable Object getProperty(String name) {
			boolean propagation = this.reactive && CONTEXT_PROPAGATION.equals(name);
			if ((!propagation && !PROPERTY.equals(name))
					|| !this.environment.getProperty("api.errors.enabled", Boolean.class, true)) {
				return null;
			}
			if (propagation) {
				return "auto";
			}
			boolean traceIds = this.environment.getProperty(LoggingSystem.EXPECT_CORRELATION_ID_PROPERTY,
					Boolean.class, false);
			return traceIds ? TRACE_AND_REQUEST_ID_PATTERN : REQUEST_ID_PATTERN;
		}

	}

}
