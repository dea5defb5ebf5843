package dev.apierrors.autoconfigure;

import java.util.function.Function;

import io.micrometer.context.ContextRegistry;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.apierrors.autoconfigure.ApiErrorsProperties.RequestId.Source;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.core.rules.ValidationRules;
import dev.apierrors.reactive.ApiErrorsWebExceptionHandler;
import dev.apierrors.reactive.ProblemDetailsHandlerBackOff;
import dev.apierrors.reactive.ReactiveErrorWriter;
import dev.apierrors.reactive.ReactiveRules;
import dev.apierrors.reactive.filter.ErrorBoundaryWebFilter;
import dev.apierrors.reactive.filter.ObservationTraceIds;
import dev.apierrors.reactive.filter.RequestIdThreadLocalAccessor;
import dev.apierrors.reactive.filter.RequestIdWebFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Auto-configuration of api-errors for Spring WebFlux: the writer every reactive origin of an error shares, the
 * exception handler that takes the place of Boot's {@code DefaultErrorWebExceptionHandler}, the request id and
 * error boundary filters, WebFlux's own rules, and the propagation of the request id into the MDC.
 */
// Before ErrorWebFluxAutoConfiguration so that our ErrorWebExceptionHandler makes Boot's back off, and before
// WebFluxAutoConfiguration so that its ProblemDetails handler sees our ResponseEntityExceptionHandler and backs off.
@AutoConfiguration(after = ApiErrorsAutoConfiguration.class,
		before = { WebFluxAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ WebFluxConfigurer.class, ErrorWebExceptionHandler.class })
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
public final class ApiErrorsWebFluxAutoConfiguration {

	ApiErrorsWebFluxAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveErrorWriter apiErrorsReactiveErrorWriter(ErrorResolver resolver, ErrorRenderer renderer,
			RequestIds requestIds) {
		return new ReactiveErrorWriter(resolver, renderer, requestIds);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveRules apiErrorsReactiveRules(ErrorCatalog catalog, ValidationRules validationRules) {
		return new ReactiveRules(catalog, validationRules);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdWebFilter apiErrorsRequestIdWebFilter(RequestIds requestIds) {
		return new RequestIdWebFilter(requestIds, (exchange) -> null);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorBoundaryWebFilter apiErrorsErrorBoundaryWebFilter(ReactiveErrorWriter writer) {
		return new ErrorBoundaryWebFilter(writer);
	}

	@Bean
	@ConditionalOnMissingBean(ErrorWebExceptionHandler.class)
	ApiErrorsWebExceptionHandler apiErrorsWebExceptionHandler(ReactiveErrorWriter writer) {
		return new ApiErrorsWebExceptionHandler(writer);
	}

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemDetailsHandlerBackOff apiErrorsProblemDetailsHandlerBackOff() {
		return new ProblemDetailsHandlerBackOff();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingRequestIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdWebFilter apiErrorsRequestIdWebFilter(ApiErrorsProperties properties, RequestIds requestIds) {
			Function<ServerWebExchange, @Nullable String> traceIds = (properties.getRequestId()
				.getSource() == Source.TRACE_ID) ? new ObservationTraceIds() : (exchange) -> null;
			return new RequestIdWebFilter(requestIds, traceIds);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ContextRegistry.class)
	static class ContextPropagationConfiguration {

		@Bean
		RequestIdContextPropagation apiErrorsRequestIdContextPropagation() {
			return new RequestIdContextPropagation();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.context.ContextRegistry")
	static class NoContextPropagationConfiguration {

		@Bean
		Object apiErrorsRequestIdContextPropagationHint() {
			LoggerFactory.getLogger(ApiErrorsWebFluxAutoConfiguration.class)
				.info("Add io.micrometer:context-propagation to have the request id in the MDC of every log line of "
						+ "an exchange; the starter's own error log lines carry it either way");
			return new Object();
		}

	}

	/**
	 * Registers the accessor that copies the request id of the Reactor {@code Context} into the MDC.
	 */
	static final class RequestIdContextPropagation {

		RequestIdContextPropagation() {
			RequestIdThreadLocalAccessor.register();
		}

	}

}
