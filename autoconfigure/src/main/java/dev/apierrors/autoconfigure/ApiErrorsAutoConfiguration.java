package dev.apierrors.autoconfigure;

import java.time.Clock;

import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiException;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.FieldNameResolver;
import dev.apierrors.RateLimitHeaders;
import dev.apierrors.RequestIdGenerator;
import dev.apierrors.autoconfigure.ApiErrorsProperties.RequestId.Source;
import dev.apierrors.client.HttpClientRules;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.http.ConfiguredRateLimitHeaders;
import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.core.http.RetryAfterPolicy;
import dev.apierrors.core.i18n.MessageLocalizer;
import dev.apierrors.core.logging.ErrorLogPolicy;
import dev.apierrors.core.logging.ErrorLogger;
import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.requestid.RandomRequestIdGenerator;
import dev.apierrors.core.requestid.RequestIdTaskDecorator;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.rules.JacksonFieldNameResolver;
import dev.apierrors.core.rules.SecurityRules;
import dev.apierrors.core.rules.SpringDataRules;
import dev.apierrors.core.rules.SpringWebRules;
import dev.apierrors.core.rules.ValidationRules;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Auto-configuration of the transport-neutral core of api-errors, shared by the Spring MVC and WebFlux
 * adapters: the catalog, the resolver and the rules of the libraries present, the header policy, the body
 * encoder, logging, localisation, the renderer and request ids.
 */
// After JacksonAutoConfiguration (named: spring-boot-jackson is optional) so that its mapper is known when the
// field names bean checks for it.
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "api.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ApiErrorsProperties.class)
public final class ApiErrorsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ApiErrorsAutoConfiguration.class);

	ApiErrorsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorCatalog apiErrorsCatalog(ApiErrorsProperties properties) {
		return Settings.catalog(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIdGenerator apiErrorsRequestIdGenerator(ApiErrorsProperties properties) {
		return randomRequestIdGenerator(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	RequestIds apiErrorsRequestIds(ApiErrorsProperties properties, RequestIdGenerator generator) {
		return new RequestIds(Settings.requestIdHeader(properties.getRequestId()), generator);
	}

	@Bean
	@ConditionalOnMissingBean
	SpringWebRules apiErrorsSpringWebRules(ErrorCatalog catalog) {
		return new SpringWebRules(catalog);
	}

	@Bean
	@ConditionalOnMissingBean
	ValidationRules apiErrorsValidationRules(ApiErrorsProperties properties, ErrorCatalog catalog,
			ObjectProvider<FieldNameResolver> fieldNames) {
		return new ValidationRules(catalog, fieldNames.getIfAvailable(() -> (type, path) -> path),
				Settings.validationStatus(properties.getValidation()));
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorResolver apiErrorsResolver(ApiErrorsProperties properties, ErrorCatalog catalog,
			ObjectProvider<ApiExceptionMapper> mappers, ObjectProvider<ErrorRuleContributor> contributors,
			ApplicationContext context) {
		return new ErrorResolver(catalog, Mappings.of(properties.getMappings(), context.getClassLoader()),
				mappers.orderedStream().toList(), contributors.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorLogger apiErrorsLogger(ApiErrorsProperties properties, Environment environment) {
		return new ErrorLogger(Settings.logPolicy(properties.getLogging()), Settings.ecsLogging(environment));
	}

	@Bean
	ClientErrorStackTraces apiErrorsClientErrorStackTraces(ErrorLogger errorLogger) {
		return new ClientErrorStackTraces(errorLogger.policy());
	}

	@Bean
	@ConditionalOnMissingBean
	MessageLocalizer apiErrorsMessageLocalizer(ApplicationContext context) {
		MessageSource messageSource = context.containsBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
				? context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, MessageSource.class) : context;
		return MessageLocalizer.of(messageSource, context.getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	RateLimitHeaders apiErrorsRateLimitHeaders(ApiErrorsProperties properties) {
		return new ConfiguredRateLimitHeaders(properties.getRateLimit().getHeaders(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	HeaderPolicy apiErrorsHeaderPolicy(ApiErrorsProperties properties, RateLimitHeaders rateLimitHeaders) {
		ApiErrorsProperties.RetryAfter retryAfter = properties.getRetryAfter();
		return new HeaderPolicy(Settings.requestIdHeader(properties.getRequestId()),
				new RetryAfterPolicy(retryAfter.getTooManyRequests(), retryAfter.getServiceUnavailable(),
						retryAfter.getMax()),
				Settings.challenges(properties.getAuthentication()), rateLimitHeaders);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorBodyEncoder apiErrorsBodyEncoder(ApiErrorsProperties properties, ErrorCatalog catalog) {
		return bodyEncoder(properties, catalog, null);
	}

	private static ErrorBodyEncoder bodyEncoder(ApiErrorsProperties properties, ErrorCatalog catalog,
			tools.jackson.databind.json.@Nullable JsonMapper mapper) {
		String typeBase = TypeBase.of(properties.getTypeBase());
		return new ErrorBodyEncoder(properties.getFormat(), typeBase,
				Settings.docUrl(properties.isDocUrl(), typeBase, properties.getFormat()), catalog, mapper);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorRenderer apiErrorsRenderer(HeaderPolicy headerPolicy, ErrorBodyEncoder encoder, ErrorLogger errorLogger,
			MessageLocalizer localizer, ObjectProvider<ApiErrorCustomizer> customizers, ErrorCatalog catalog) {
		return new ErrorRenderer(headerPolicy, encoder, errorLogger, localizer, customizers.orderedStream().toList(),
				catalog);
	}

	@Bean
	@ConditionalOnMissingBean(name = "apiErrorsRequestIdTaskDecorator")
	RequestIdTaskDecorator apiErrorsRequestIdTaskDecorator() {
		return new RequestIdTaskDecorator();
	}

	private static RequestIdGenerator randomRequestIdGenerator(ApiErrorsProperties properties) {
		if (properties.getRequestId().getSource() == Source.TRACE_ID) {
			logger.warn("api.errors.request-id.source=trace-id needs a Micrometer Tracing tracer; "
					+ "request ids will be random");
		}
		return RandomRequestIdGenerator.INSTANCE;
	}

	/**
	 * Makes typed 4xx exceptions capture stack traces while this context logs some, and stops when it closes.
	 */
	static final class ClientErrorStackTraces implements DisposableBean {

		ClientErrorStackTraces(ErrorLogPolicy policy) {
			if (policy.logsClientErrorStackTraces()) {
				ApiException.requireClientErrorStackTraces(this);
			}
		}

		@Override
		public void destroy() {
			ApiException.releaseClientErrorStackTraces(this);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingRequestIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestIdGenerator apiErrorsRequestIdGenerator(ApiErrorsProperties properties, ObjectProvider<Tracer> tracer) {
			Tracer available = tracer.getIfUnique();
			if (properties.getRequestId().getSource() != Source.TRACE_ID || available == null) {
				return randomRequestIdGenerator(properties);
			}
			return new dev.apierrors.core.requestid.TraceIdRequestIdGenerator(available);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(tools.jackson.databind.json.JsonMapper.class)
	static class JacksonBodyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ErrorBodyEncoder apiErrorsBodyEncoder(ApiErrorsProperties properties, ErrorCatalog catalog,
				ObjectProvider<tools.jackson.databind.json.JsonMapper> mapper) {
			return bodyEncoder(properties, catalog, mapper.getIfUnique());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(tools.jackson.databind.ObjectMapper.class)
	static class JacksonFieldNamesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(tools.jackson.databind.ObjectMapper.class)
		FieldNameResolver apiErrorsFieldNameResolver(tools.jackson.databind.ObjectMapper mapper) {
			return new JacksonFieldNameResolver(mapper);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataAccessException.class)
	static class SpringDataRulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpringDataRules apiErrorsSpringDataRules(ErrorCatalog catalog) {
			return new SpringDataRules(catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AccessDeniedException.class)
	static class SecurityRulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecurityRules apiErrorsSecurityRules(ApiErrorsProperties properties, ErrorCatalog catalog) {
			return new SecurityRules(catalog, Settings.unauthenticatedStatus(properties.getAuthentication()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientResponseException.class)
	static class HttpClientRulesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HttpClientRules apiErrorsHttpClientRules(ErrorCatalog catalog) {
			return new HttpClientRules(catalog);
		}

	}

}
