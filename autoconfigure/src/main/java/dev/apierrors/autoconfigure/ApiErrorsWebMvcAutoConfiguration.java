package dev.apierrors.autoconfigure;

import java.util.EnumSet;
import java.util.function.Predicate;

import jakarta.servlet.DispatcherType;

import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.servlet.ApiErrorsErrorController;
import dev.apierrors.servlet.ApiErrorsHandlerExceptionResolver;
import dev.apierrors.servlet.RequestIdCallableInterceptor;
import dev.apierrors.servlet.ServletErrorWriter;
import dev.apierrors.servlet.ServletRules;
import dev.apierrors.servlet.cors.ApiErrorsCorsProcessor;
import dev.apierrors.servlet.cors.CorsProcessorPostProcessor;
import dev.apierrors.servlet.filter.ErrorBoundaryFilter;
import dev.apierrors.servlet.filter.RequestIdFilter;
import dev.apierrors.servlet.resource.StaticResourceIndex;
import dev.apierrors.servlet.resource.StaticResourceIndexPostProcessor;
import dev.apierrors.servlet.security.SecurityFilterChainExceptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of api-errors for Spring MVC: the writer every servlet origin of an error shares (handler
 * exceptions, filters, the error dispatch, CORS), the request id filter, the error boundary filter, the error
 * controller that replaces Boot's {@code BasicErrorController}, and the static resource index that answers an
 * unknown route without asking the class loader.
 */
// Before ErrorMvcAutoConfiguration so that our ErrorController makes BasicErrorController back off, and before
// WebMvcAutoConfiguration so that the exception resolver is in place when MVC collects resolvers.
@AutoConfiguration(after = ApiErrorsAutoConfiguration.class,
		before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ErrorController.class })
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
public final class ApiErrorsWebMvcAutoConfiguration {

	private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

	ApiErrorsWebMvcAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ServletErrorWriter apiErrorsServletErrorWriter(ErrorResolver resolver, ErrorRenderer renderer,
			RequestIds requestIds, ObjectProvider<LocaleResolver> localeResolvers) {
		return new ServletErrorWriter(resolver, renderer, requestIds, localeResolvers::getIfUnique);
	}

	@Bean
	@ConditionalOnMissingBean
	ServletRules apiErrorsServletRules() {
		return new ServletRules();
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsRequestIdFilter")
	FilterRegistrationBean<RequestIdFilter> apiErrorsRequestIdFilter(RequestIds requestIds) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(requestIds));
		registration.setOrder(RequestIdFilter.ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsErrorBoundaryFilter")
	FilterRegistrationBean<ErrorBoundaryFilter> apiErrorsErrorBoundaryFilter(ServletErrorWriter writer,
			ObjectProvider<ErrorController> errorControllers) {
		boolean ours = errorControllers.getIfUnique() instanceof ApiErrorsErrorController;
		FilterRegistrationBean<ErrorBoundaryFilter> registration = new FilterRegistrationBean<>(
				new ErrorBoundaryFilter(writer, ours));
		registration.setOrder(ErrorBoundaryFilter.ORDER);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
				DispatcherType.INCLUDE));
		return registration;
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
	ApiErrorsHandlerExceptionResolver apiErrorsHandlerExceptionResolver(ApiErrorsProperties properties,
			ServletErrorWriter writer, ApplicationContext context) {
		return new ApiErrorsHandlerExceptionResolver(writer, context, securityExceptions(context),
				properties.isAnswerBeforeCatchAll());
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ApiErrorsErrorController apiErrorsErrorController(ServletErrorWriter writer, ErrorAttributes errorAttributes) {
		return new ApiErrorsErrorController(writer, errorAttributes);
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsCorsProcessorPostProcessor")
	static CorsProcessorPostProcessor apiErrorsCorsProcessorPostProcessor(ObjectProvider<ServletErrorWriter> writer) {
		return new CorsProcessorPostProcessor(new ApiErrorsCorsProcessor(SingletonSupplier.of(writer::getObject)));
	}

	/**
	 * The static resource index, consulted by Spring MVC's resource handlers before they ask the class loader.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "api.errors.static-resources.index", matchIfMissing = true)
	static class StaticResourceIndexConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StaticResourceIndex apiErrorsStaticResourceIndex() {
			return new StaticResourceIndex();
		}

		@Bean
		@ConditionalOnMissingBean(name = "apiErrorsStaticResourceIndexPostProcessor")
		static StaticResourceIndexPostProcessor apiErrorsStaticResourceIndexPostProcessor(
				ObjectProvider<StaticResourceIndex> index) {
			return new StaticResourceIndexPostProcessor(SingletonSupplier.of(index::getObject));
		}

	}

	private static Predicate<Throwable> securityExceptions(ApplicationContext context) {
		if (!ClassUtils.isPresent(SECURITY_FILTER_CHAIN, context.getClassLoader())) {
			return (ex) -> false;
		}
		return SecurityFilterChainExceptions.of(context);
	}

}
