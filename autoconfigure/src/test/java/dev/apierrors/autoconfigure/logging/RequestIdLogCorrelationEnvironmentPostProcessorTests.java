package dev.apierrors.autoconfigure.logging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default correlation pattern: present for servlet applications, beside Boot's trace ids when those are
 * expected, never over an application's own pattern.
 */
class RequestIdLogCorrelationEnvironmentPostProcessorTests {

	private static final String PROPERTY = "logging.pattern.correlation";

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void servletApplicationGetsTheRequestIdPattern() {
		postProcess(WebApplicationType.SERVLET);
		assertThat(this.environment.getProperty(PROPERTY)).isEqualTo("%correlationId{request_id(22)}");
	}

	@Test
	void traceAndSpanIdsStayWhenBootExpectsThem() {
		withProperties(Map.of("logging.expect-correlation-id", "true"));
		postProcess(WebApplicationType.SERVLET);
		assertThat(this.environment.getProperty(PROPERTY))
			.isEqualTo("%correlationId{traceId(32),spanId(16),request_id(22)}");
	}

	@Test
	void applicationsOwnPatternWins() {
		withProperties(Map.of(PROPERTY, "[%X{traceId:-}] "));
		postProcess(WebApplicationType.SERVLET);
		assertThat(this.environment.getProperty(PROPERTY)).isEqualTo("[%X{traceId:-}] ");
	}

	@Test
	void patternAddedLaterStillWins() {
		postProcess(WebApplicationType.SERVLET);
		withProperties(Map.of(PROPERTY, "[late] "));
		assertThat(this.environment.getProperty(PROPERTY)).isEqualTo("[late] ");
	}

	@Test
	void nothingWhenTheStarterIsDisabled() {
		withProperties(Map.of("api.errors.enabled", "false"));
		postProcess(WebApplicationType.SERVLET);
		assertThat(this.environment.getProperty(PROPERTY)).isNull();
	}

	@Test
	void nothingForApplicationsThatServeNoRequests() {
		postProcess(WebApplicationType.NONE);
		assertThat(this.environment.getProperty(PROPERTY)).isNull();
	}

	private void withProperties(Map<String, Object> properties) {
		this.environment.getPropertySources().addFirst(new MapPropertySource("test-" + properties.hashCode(), properties));
	}

	private void postProcess(WebApplicationType type) {
		SpringApplication application = new SpringApplication();
		application.setWebApplicationType(type);
		new RequestIdLogCorrelationEnvironmentPostProcessor().postProcessEnvironment(this.environment, application);
	}

}
