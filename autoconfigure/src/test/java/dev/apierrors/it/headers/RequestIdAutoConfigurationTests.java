package dev.apierrors.it.headers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import dev.apierrors.RequestIdGenerator;
import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.core.requestid.RandomRequestIdGenerator;
import dev.apierrors.core.requestid.RequestIdTaskDecorator;
import dev.apierrors.core.requestid.TraceIdRequestIdGenerator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.task.TaskDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which request id source, header name and async propagation the auto-configuration sets up.
 */
class RequestIdAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class))
		.withBean(DefaultErrorAttributes.class);

	@Test
	void idsAreRandomByDefaultEvenWithATracer() {
		this.runner.withBean(Tracer.class, () -> Tracer.NOOP)
			.run((context) -> assertThat(context).getBean(RequestIdGenerator.class).isSameAs(RandomRequestIdGenerator.INSTANCE));
	}

	@Test
	void traceIdIsUsedWhenChosenAndATracerExists() {
		this.runner.withBean(Tracer.class, () -> Tracer.NOOP)
			.withPropertyValues("api.errors.request-id.source=trace-id")
			.run((context) -> assertThat(context).getBean(RequestIdGenerator.class)
				.isInstanceOf(TraceIdRequestIdGenerator.class));
	}

	@Test
	void traceIdSourceFallsBackToARandomIdWithoutAnOpenSpan() {
		String id = new TraceIdRequestIdGenerator(Tracer.NOOP).generate();
		assertThat(id).matches(HeaderContract.GENERATED_ID);
	}

	@Test
	void idsStayRandomWhenTraceIdIsChosenWithoutATracer() {
		this.runner.withPropertyValues("api.errors.request-id.source=trace-id")
			.run((context) -> assertThat(context).getBean(RequestIdGenerator.class).isSameAs(RandomRequestIdGenerator.INSTANCE));
	}

	@Test
	void idsStayRandomWhenTraceIdIsChosenWithoutMicrometerTracing() {
		this.runner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.withPropertyValues("api.errors.request-id.source=TRACE_ID")
			.run((context) -> assertThat(context).getBean(RequestIdGenerator.class).isSameAs(RandomRequestIdGenerator.INSTANCE));
	}

	@Test
	void applicationsOwnSourceWins() {
		RequestIdGenerator own = () -> "own";
		this.runner.withBean(Tracer.class, () -> Tracer.NOOP)
			.withBean(RequestIdGenerator.class, () -> own)
			.withPropertyValues("api.errors.request-id.source=trace-id")
			.run((context) -> assertThat(context).getBean(RequestIdGenerator.class).isSameAs(own));
	}

	@Test
	void tracingHeaderAsRequestIdHeaderFailsAtStartup() {
		this.runner.withPropertyValues("api.errors.request-id.header=traceparent")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("tracing header"));
	}

	@Test
	void requestIdHeaderThatIsNotATokenFailsAtStartup() {
		this.runner.withPropertyValues("api.errors.request-id.header=X Request Id")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("HTTP token"));
	}

	@Test
	void challengeSchemeThatIsNotATokenFailsAtStartup() {
		this.runner.withPropertyValues("api.errors.authentication.scheme=Bearer realm=\"x\"")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("HTTP token"));
	}

	@Test
	void bootsTaskExecutorCarriesTheIdBesideTheApplicationsOwnDecorator() {
		ThreadLocal<String> marker = new ThreadLocal<>();
		TaskDecorator own = (runnable) -> () -> {
			marker.set("own");
			try {
				runnable.run();
			}
			finally {
				marker.remove();
			}
		};
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withBean("ownDecorator", TaskDecorator.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(RequestIdTaskDecorator.class);
				AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
				MDC.put("request_id", "submitted-in-request");
				try {
					CompletableFuture<String> seen = executor
						.submitCompletable(() -> MDC.get("request_id") + "/" + marker.get());
					assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("submitted-in-request/own");
				}
				finally {
					MDC.remove("request_id");
				}
				CompletableFuture<String> outside = executor.submitCompletable(() -> String.valueOf(MDC.get("request_id")));
				assertThat(outside.get(10, TimeUnit.SECONDS)).isEqualTo("null");
			});
	}

}
