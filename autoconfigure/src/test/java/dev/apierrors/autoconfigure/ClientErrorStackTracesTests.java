package dev.apierrors.autoconfigure;

import org.junit.jupiter.api.Test;

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
				ApiErrorsWebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class));

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

	@Test
	void captureLastsWhileAnyContextNeedsItAndEndsWithTheLastOne() {
		this.runner.withPropertyValues("api.errors.logging.stack-traces.4xx=true").run((tracing) -> {
			this.runner.run((plain) -> assertThat(new NotFoundException("gone").getStackTrace()).isNotEmpty());
			assertThat(new NotFoundException("gone").getStackTrace()).isNotEmpty();
		});
		assertThat(new NotFoundException("gone").getStackTrace()).isEmpty();
	}

	@Test
	void aContextThatNeedsNoStackTracesDoesNotTurnOffAnotherOnesCapture() {
		this.runner.withPropertyValues("api.errors.logging.stack-traces.4xx=true").run((tracing) -> {
			this.runner.run((plain) -> {
			});
			assertThat(new NotFoundException("gone").getStackTrace()).isNotEmpty();
		});
	}

}
