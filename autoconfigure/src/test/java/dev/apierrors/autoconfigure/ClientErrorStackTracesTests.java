package dev.apierrors.autoconfigure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.ApiException;
import dev.apierrors.NotFoundException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typed 4xx exceptions capture a stack trace only when the logging settings will print one.
 */
class ClientErrorStackTracesTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class));

	@AfterEach
	void restoreDefault() {
		ApiException.setCaptureClientErrorStackTraces(false);
	}

	@Test
	void typedClientErrorsSkipStackTracesByDefault() {
		this.runner.run((context) -> assertThat(new NotFoundException("gone").getStackTrace()).isEmpty());
	}

	@Test
	void typedClientErrorsCaptureStackTracesWhenTheyAreLogged() {
		this.runner.withPropertyValues("api.errors.logging.stack-traces.404=true")
			.run((context) -> assertThat(new NotFoundException("gone").getStackTrace()).isNotEmpty());
	}

	@Test
	void serverErrorsAlwaysCaptureStackTraces() {
		this.runner.run((context) -> assertThat(new dev.apierrors.BadGatewayException("upstream").getStackTrace()).isNotEmpty());
	}

}
