package dev.apierrors.autoconfigure;

import java.util.EnumSet;
import java.util.function.Predicate;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiException;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.autoconfigure.ApiErrorsProperties.RequestId.Source;
import dev.apierrors.security.ApiErrorsAccessDeniedHandler;
import dev.apierrors.security.ApiErrorsAuthenticationEntryPoint;
import dev.apierrors.security.ApiErrorsSecurityConfigurer;
import dev.apierrors.servlet.ApiErrorRenderer;
import dev.apierrors.servlet.ApiErrorResolver;
import dev.apierrors.servlet.ApiErrorsCorsProcessor;
import dev.apierrors.servlet.ApiErrorsErrorController;
import dev.apierrors.servlet.ApiErrorsExceptionResolver;
import dev.apierrors.servlet.ErrorLogger;
import dev.apierrors.servlet.LogPolicy;
import dev.apierrors.servlet.ErrorResponseFilter;
import dev.apierrors.servlet.FieldNames;
import dev.apierrors.servlet.JacksonFieldNames;
import dev.apierrors.servlet.LocalizedMessages;
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
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of api-errors for Spring MVC: one resolver and one renderer shared by every origin of an
 * error (handler exceptions, filters, the error dispatch and Spring Security), the request id filter, and the
 * error controller that replaces Boot's {@code BasicErrorController}.
 */
// Before ErrorMvcAutoConfiguration so that our ErrorController makes BasicErrorController back off, and before
// WebMvcAutoConfiguration so that the exception resolver is in place when MVC collects resolvers. After
// JacksonAutoConfiguration (named: spring-boot-jackson is optional) so that its mapper is known when the field
// names bean checks for it.
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ErrorController.class })
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ApiErrorsProperties.class)
public final class ApiErrorsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ApiErrorsAutoConfiguration.class);

	private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	ApiErrorsAutoConfiguration() {
	}

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
			ObjectProvider<ApiExceptionMapper> mappers, ObjectProvider<FieldNames> fieldNames,
			ApplicationContext context) {
		return new ApiErrorResolver(StatusMessages.of(properties.getMessages()),
				Mappings.of(properties.getMappings(), context.getClassLoader()), mappers.orderedStream().toList(),
				retryAfter, fieldNames.getIfAvailable(() -> FieldNames.IDENTITY));
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLogger apiErrorLogger(ApiErrorsProperties properties) {
		LogPolicy policy = LogPolicies.of(properties.getLogging());
		// Typed 4xx exceptions skip capturing a stack trace unless one is going to be logged.
		ApiException.setCaptureClientErrorStackTraces(policy.logsClientErrorStackTraces());
		return new ErrorLogger(policy);
	}

	@Bean
	@ConditionalOnMissingBean
	LocalizedMessages apiErrorLocalizedMessages(ApplicationContext context,
			ObjectProvider<LocaleResolver> localeResolvers) {
		MessageSource messageSource = context.containsBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
				? context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, MessageSource.class) : context;
		return new LocalizedMessages(messageSource, localeResolvers::getIfUnique);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiErrorRenderer apiErrorRenderer(ApiErrorsProperties properties, ObjectProvider<ApiErrorCustomizer> customizers,
			ErrorLogger errorLogger, LocalizedMessages localizedMessages) {
		ApiErrorsProperties.Authentication authentication = properties.getAuthentication();
		return new ApiErrorRenderer(properties.getFormat(), TypeBase.of(properties.getTypeBase()),
				properties.getRequestId().getHeader(), authentication.getScheme(), authentication.getRealm(),
				customizers.orderedStream().toList(), errorLogger, localizedMessages);
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
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
				DispatcherType.INCLUDE));
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

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsCorsProcessorPostProcessor")
	static CorsProcessorPostProcessor apiErrorsCorsProcessorPostProcessor(ObjectProvider<ApiErrorRenderer> renderer) {
		return new CorsProcessorPostProcessor(new ApiErrorsCorsProcessor(SingletonSupplier.of(renderer::getObject)));
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
