package dev.apierrors.autoconfigure;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.event.Level;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.autoconfigure.ApiErrorsProperties.RequestId.Source;
import dev.apierrors.security.ApiErrorsAccessDeniedHandler;
import dev.apierrors.security.ApiErrorsAuthenticationEntryPoint;
import dev.apierrors.security.ApiErrorsSecurityConfigurer;
import dev.apierrors.servlet.ApiErrorRenderer;
import dev.apierrors.servlet.ApiErrorResolver;
import dev.apierrors.servlet.ApiErrorsErrorController;
import dev.apierrors.servlet.ApiErrorsExceptionResolver;
import dev.apierrors.servlet.ErrorLogger;
import dev.apierrors.servlet.ErrorResponseFilter;
import dev.apierrors.servlet.FieldNames;
import dev.apierrors.servlet.JacksonFieldNames;
import dev.apierrors.servlet.LogPolicy;
import dev.apierrors.servlet.RequestIdCallableInterceptor;
import dev.apierrors.servlet.RequestIdFilter;
import dev.apierrors.servlet.RequestIdSource;
import dev.apierrors.servlet.RequestIdTaskDecorator;
import dev.apierrors.servlet.RetryAfterPolicy;
import dev.apierrors.servlet.TraceIdRequestIdSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of api-errors for Spring MVC: one resolver and one renderer shared by every origin of an
 * error (handler exceptions, filters, the error dispatch and Spring Security), the request id filter, and the
 * error controller that replaces Boot's {@code BasicErrorController}.
 */
// Before ErrorMvcAutoConfiguration so that our ErrorController makes BasicErrorController back off, and before
// WebMvcAutoConfiguration so that the exception resolver is in place when MVC collects resolvers.
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ErrorController.class })
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ApiErrorsProperties.class)
public final class ApiErrorsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ApiErrorsAutoConfiguration.class);

	private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	@Bean
	@ConditionalOnMissingBean
	RetryAfterPolicy apiErrorsRetryAfterPolicy(ApiErrorsProperties properties) {
		ApiErrorsProperties.RetryAfter retryAfter = properties.getRetryAfter();
		return new RetryAfterPolicy(retryAfter.getTooManyRequests(), retryAfter.getServiceUnavailable(),
				retryAfter.getMax());
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorResolver apiErrorResolver(ApiErrorsProperties properties, RetryAfterPolicy retryAfter,
			ObjectProvider<ApiExceptionMapper> mappers, ObjectProvider<FieldNames> fieldNames) {
		return new ApiErrorResolver(properties.getMessages(), Mappings.of(properties.getMappings()),
				mappers.orderedStream().toList(), retryAfter, fieldNames.getIfAvailable(() -> FieldNames.IDENTITY));
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLogger apiErrorLogger(ApiErrorsProperties properties) {
		return new ErrorLogger(logPolicy(properties.getLogging()));
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorRenderer apiErrorRenderer(ApiErrorsProperties properties, ObjectProvider<ApiErrorCustomizer> customizers,
			ErrorLogger errorLogger) {
		ApiErrorsProperties.Authentication authentication = properties.getAuthentication();
		return new ApiErrorRenderer(properties.getFormat(), properties.getTypeBase(),
				properties.getRequestId().getHeader(), authentication.getScheme(), authentication.getRealm(),
				customizers.orderedStream().toList(), errorLogger);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdSource apiErrorsRequestIdSource(ApiErrorsProperties properties) {
		return randomRequestIdSource(properties);
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsRequestIdFilter")
	FilterRegistrationBean<RequestIdFilter> apiErrorsRequestIdFilter(ApiErrorsProperties properties,
			RequestIdSource source) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(properties.getRequestId().getHeader(), source));
		registration.setOrder(RequestIdFilter.ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsErrorResponseFilter")
	FilterRegistrationBean<ErrorResponseFilter> apiErrorsErrorResponseFilter(ApiErrorsProperties properties,
			ApiErrorResolver resolver, ApiErrorRenderer renderer, RetryAfterPolicy retryAfter,
			ObjectProvider<ErrorController> errorControllers) {
		boolean ours = errorControllers.getIfUnique() instanceof ApiErrorsErrorController;
		FilterRegistrationBean<ErrorResponseFilter> registration = new FilterRegistrationBean<>(
				new ErrorResponseFilter(resolver, renderer, ours, retryAfter));
		registration.setOrder(ErrorResponseFilter.ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsRequestIdTaskDecorator")
	RequestIdTaskDecorator apiErrorsRequestIdTaskDecorator() {
		return new RequestIdTaskDecorator();
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsAsyncSupportConfigurer")
	WebMvcConfigurer apiErrorsAsyncSupportConfigurer() {
		RequestIdCallableInterceptor interceptor = new RequestIdCallableInterceptor();
		return new WebMvcConfigurer() {

			@Override
			public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
				configurer.registerCallableInterceptors(interceptor);
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorsExceptionResolver apiErrorsExceptionResolver(ApiErrorsProperties properties, ApiErrorResolver resolver,
			ApiErrorRenderer renderer, ApplicationContext context) {
		return new ApiErrorsExceptionResolver(resolver, renderer, context, securityExceptions(context),
				properties.isAnswerBeforeCatchAll());
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ApiErrorsErrorController apiErrorsErrorController(ApiErrorResolver resolver, ApiErrorRenderer renderer,
			ErrorAttributes errorAttributes) {
		return new ApiErrorsErrorController(resolver, renderer, errorAttributes);
	}

	private static RequestIdSource randomRequestIdSource(ApiErrorsProperties properties) {
		if (properties.getRequestId().getSource() == Source.TRACE_ID) {
			logger.warn("api.errors.request-id.source=trace-id needs a Micrometer Tracing tracer; "
					+ "request ids will be random");
		}
		return RequestIdSource.RANDOM;
	}

	private static Predicate<Throwable> securityExceptions(ApplicationContext context) {
		ClassLoader classLoader = context.getClassLoader();
		if (!org.springframework.util.ClassUtils.isPresent(SECURITY_FILTER_CHAIN, classLoader)) {
			return (ex) -> false;
		}
		return SecurityExceptions.passToFilterChain(context);
	}

	private static LogPolicy logPolicy(ApiErrorsProperties.Logging logging) {
		Map<String, Level> levels = new java.util.HashMap<>();
		logging.getLevels().forEach((key, level) -> levels.put(key, toSlf4j(level)));
		return new LogPolicy(levels, Map.copyOf(logging.getStackTraces()));
	}

	private static Level toSlf4j(org.springframework.boot.logging.LogLevel level) {
		return switch (level) {
			case TRACE -> Level.TRACE;
			case DEBUG -> Level.DEBUG;
			case INFO -> Level.INFO;
			case WARN -> Level.WARN;
			default -> Level.ERROR;
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingRequestIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdSource apiErrorsTracingRequestIdSource(ApiErrorsProperties properties, ObjectProvider<Tracer> tracer) {
			Tracer available = tracer.getIfUnique();
			if (properties.getRequestId().getSource() != Source.TRACE_ID || available == null) {
				return randomRequestIdSource(properties);
			}
			return new TraceIdRequestIdSource(available);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(tools.jackson.databind.ObjectMapper.class)
	static class JacksonFieldNamesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(tools.jackson.databind.ObjectMapper.class)
		FieldNames apiErrorsFieldNames(tools.jackson.databind.ObjectMapper mapper) {
			return new JacksonFieldNames(mapper);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpSecurity.class, ApiErrorsSecurityConfigurer.class,
			org.springframework.security.web.AuthenticationEntryPoint.class })
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ApiErrorsAuthenticationEntryPoint apiErrorsAuthenticationEntryPoint(ApiErrorResolver resolver,
				ApiErrorRenderer renderer) {
			return new ApiErrorsAuthenticationEntryPoint(resolver, renderer);
		}

		@Bean
		@ConditionalOnMissingBean
		ApiErrorsAccessDeniedHandler apiErrorsAccessDeniedHandler(ApiErrorResolver resolver,
				ApiErrorRenderer renderer) {
			return new ApiErrorsAccessDeniedHandler(resolver, renderer);
		}

		@Bean
		@ConditionalOnMissingBean(name = "apiErrorsHttpSecurityCustomizer")
		Customizer<HttpSecurity> apiErrorsHttpSecurityCustomizer(ApiErrorsAuthenticationEntryPoint entryPoint,
				ApiErrorsAccessDeniedHandler accessDeniedHandler) {
			return (http) -> http.with(new ApiErrorsSecurityConfigurer(entryPoint, accessDeniedHandler));
		}

	}

}
