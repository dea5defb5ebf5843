package dev.apierrors.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiErrorFormat;
import dev.apierrors.FieldNameResolver;
import dev.apierrors.RateLimitHeaders;
import dev.apierrors.RequestIdGenerator;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.http.AuthenticationChallenges;
import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.core.http.RetryAfterPolicy;
import dev.apierrors.core.i18n.MessageLocalizer;
import dev.apierrors.core.logging.ErrorLogPolicy;
import dev.apierrors.core.logging.ErrorLogger;
import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.requestid.RequestIds;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.core.rules.JacksonFieldNameResolver;
import dev.apierrors.core.rules.SpringWebRules;
import dev.apierrors.servlet.ApiErrorsErrorController;
import dev.apierrors.servlet.ApiErrorsHandlerExceptionResolver;
import dev.apierrors.servlet.ServletErrorWriter;
import dev.apierrors.servlet.resource.StaticResourceIndex;
import dev.apierrors.servlet.resource.StaticResourceIndexPostProcessor;
import dev.apierrors.servlet.security.ApiErrorsAccessDeniedHandler;
import dev.apierrors.servlet.security.ApiErrorsAuthenticationEntryPoint;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions, back-off and property binding of {@link ApiErrorsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsAutoConfigurationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				ApiErrorsWebMvcAutoConfiguration.class, ApiErrorsSecurityAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class, JacksonAutoConfiguration.class));

	// Conditions

	@Test
	void definesEveryBeanInAServletApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorCatalog.class)
				.hasSingleBean(ErrorResolver.class)
				.hasSingleBean(ErrorLogger.class)
				.hasSingleBean(MessageLocalizer.class)
				.hasSingleBean(HeaderPolicy.class)
				.hasSingleBean(ErrorBodyEncoder.class)
				.hasSingleBean(ErrorRenderer.class)
				.hasSingleBean(RequestIdGenerator.class)
				.hasSingleBean(RequestIds.class)
				.hasSingleBean(ServletErrorWriter.class)
				.hasBean("apiErrorsRequestIdFilter")
				.hasBean("apiErrorsErrorBoundaryFilter")
				.hasSingleBean(ApiErrorsHandlerExceptionResolver.class)
				.hasSingleBean(ApiErrorsAuthenticationEntryPoint.class)
				.hasSingleBean(ApiErrorsAccessDeniedHandler.class)
				.hasBean("apiErrorsHttpSecurityCustomizer");
			assertThat(context).getBean(ErrorController.class).isInstanceOf(ApiErrorsErrorController.class);
			assertThat(context).doesNotHaveBean(BasicErrorController.class);
			assertThat(context).getBean(FieldNameResolver.class).isInstanceOf(JacksonFieldNameResolver.class);
		});
	}

	@Test
	void enabledFalseTurnsTheStarterOffAndBootsErrorControllerComesBack() {
		this.runner.withPropertyValues("api.errors.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(ApiErrorsProperties.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ErrorResolver.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ErrorRenderer.class)).isEmpty();
			assertThat(context).doesNotHaveBean("apiErrorsErrorBoundaryFilter")
				.doesNotHaveBean("apiErrorsHttpSecurityCustomizer")
				.doesNotHaveBean(ApiErrorsHandlerExceptionResolver.class)
				.doesNotHaveBean(ApiErrorsAuthenticationEntryPoint.class);
			assertThat(context).getBean(ErrorController.class).isInstanceOf(BasicErrorController.class);
		});
	}

	@Test
	void doesNothingOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
					ApiErrorsWebMvcAutoConfiguration.class, ApiErrorsSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ErrorResolver.class));
	}

	@Test
	void definesOnlyTheCoreInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
					ApiErrorsWebMvcAutoConfiguration.class, ApiErrorsSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ErrorResolver.class)
				.doesNotHaveBean(ServletErrorWriter.class)
				.doesNotHaveBean(ApiErrorsAuthenticationEntryPoint.class));
	}

	@Test
	void definesNoServletBeansWithoutSpringMvc() {
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ErrorRenderer.class)
				.doesNotHaveBean(ServletErrorWriter.class)
				.doesNotHaveBean(ApiErrorsHandlerExceptionResolver.class));
	}

	@Test
	void worksWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run((context) -> {
			assertThat(context).hasSingleBean(ErrorResolver.class).hasSingleBean(ApiErrorsHandlerExceptionResolver.class);
			assertThat(context).doesNotHaveBean(ApiErrorsAuthenticationEntryPoint.class)
				.doesNotHaveBean(ApiErrorsAccessDeniedHandler.class)
				.doesNotHaveBean("apiErrorsHttpSecurityCustomizer");
		});
	}

	@Test
	void indexesStaticResourcesUnlessTurnedOff() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(StaticResourceIndex.class)
			.hasSingleBean(StaticResourceIndexPostProcessor.class));
		this.runner.withPropertyValues("api.errors.static-resources.index=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StaticResourceIndex.class)
				.doesNotHaveBean(StaticResourceIndexPostProcessor.class));
	}

	@Test
	void keepsJavaFieldNamesWithoutJackson() {
		this.runner.withClassLoader(new FilteredClassLoader("tools.jackson")).run((context) -> {
			assertThat(context).hasSingleBean(ErrorResolver.class).doesNotHaveBean(FieldNameResolver.class);
			assertThat(context).getBean(ErrorController.class).isInstanceOf(ApiErrorsErrorController.class);
		});
	}

	@Test
	void bodyMembersAreSerialisedByTheApplicationsJsonMapper() {
		this.runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> assertThat(memberOfABody(context)).isEqualTo("{\"display_name\":\"Zoë\"}"));
	}

	@Test
	void bodyMembersAreWrittenAsTheirToStringWithoutJacksonDatabind() {
		this.runner.withClassLoader(new FilteredClassLoader("tools.jackson.databind"))
			.run((context) -> assertThat(memberOfABody(context)).isEqualTo("\"Holder[displayName=Zoë]\""));
	}

	private static String memberOfABody(AssertableWebApplicationContext context) {
		ResolvedError error = ResolvedError.builder(409, "conflict", "x").build();
		error.prepare("req-1", -1, java.util.Set.of());
		error.addMember("holder", new Holder("Zoë"));
		String body = new String(context.getBean(ErrorBodyEncoder.class).encode(error, "/"), StandardCharsets.UTF_8);
		return body.substring(body.indexOf("\"holder\":") + "\"holder\":".length(), body.length() - 1);
	}

	record Holder(String displayName) {
	}

	// Back-off

	static Stream<Arguments> applicationBeans() {
		return Stream.of(Arguments.of("apiErrorsCatalog", UserCatalog.class),
				Arguments.of("apiErrorsRequestIdGenerator", UserRequestIdGenerator.class),
				Arguments.of("apiErrorsRequestIds", UserRequestIds.class),
				Arguments.of("apiErrorsSpringWebRules", UserSpringWebRules.class),
				Arguments.of("apiErrorsValidationRules", UserValidationRules.class),
				Arguments.of("apiErrorsSpringDataRules", UserSpringDataRules.class),
				Arguments.of("apiErrorsSecurityRules", UserSecurityRules.class),
				Arguments.of("apiErrorsHttpClientRules", UserHttpClientRules.class),
				Arguments.of("apiErrorsResolver", UserResolver.class),
				Arguments.of("apiErrorsLogger", UserErrorLogger.class),
				Arguments.of("apiErrorsMessageLocalizer", UserMessageLocalizer.class),
				Arguments.of("apiErrorsRateLimitHeaders", UserRateLimitHeaders.class),
				Arguments.of("apiErrorsHeaderPolicy", UserHeaderPolicy.class),
				Arguments.of("apiErrorsBodyEncoder", UserBodyEncoder.class),
				Arguments.of("apiErrorsRenderer", UserRenderer.class),
				Arguments.of("apiErrorsFieldNameResolver", UserFieldNames.class),
				Arguments.of("apiErrorsRequestIdTaskDecorator", UserTaskDecorator.class),
				Arguments.of("apiErrorsServletErrorWriter", UserServletErrorWriter.class),
				Arguments.of("apiErrorsServletRules", UserServletRules.class),
				Arguments.of("apiErrorsAsyncSupportConfigurer", UserAsyncSupportConfigurer.class),
				Arguments.of("apiErrorsCorsProcessorPostProcessor", UserCorsProcessorPostProcessor.class),
				Arguments.of("apiErrorsStaticResourceIndex", UserStaticResourceIndex.class),
				Arguments.of("apiErrorsStaticResourceIndexPostProcessor", UserStaticResourceIndexPostProcessor.class),
				Arguments.of("apiErrorsRequestIdFilter", UserRequestIdFilter.class),
				Arguments.of("apiErrorsErrorBoundaryFilter", UserErrorBoundaryFilter.class),
				Arguments.of("apiErrorsHandlerExceptionResolver", UserExceptionResolver.class),
				Arguments.of("apiErrorsErrorController", UserErrorController.class),
				Arguments.of("apiErrorsAuthenticationEntryPoint", UserEntryPoint.class),
				Arguments.of("apiErrorsAccessDeniedHandler", UserAccessDeniedHandler.class),
				Arguments.of("apiErrorsHttpSecurityCustomizer", UserSecurityCustomizer.class));
	}

	@Test
	void everyStarterBeanIsCoveredByTheBackOffTest() {
		this.runner.run((context) -> {
			List<String> covered = applicationBeans().map((arguments) -> (String) arguments.get()[0]).toList();
			List<String> defined = Stream.of(context.getBeanDefinitionNames())
				.filter((name) -> isDefinedByTheStarter(context, name))
				.filter((name) -> !name.startsWith("dev.apierrors") && !name.startsWith("api.errors"))
				.filter((name) -> !name.equals("apiErrorsClientErrorStackTraces"))
				.toList();
			assertThat(covered).containsExactlyInAnyOrderElementsOf(defined);
		});
	}

	@ParameterizedTest(name = "{0} backs off for {1}")
	@MethodSource("applicationBeans")
	void everyBeanBacksOffWhenTheApplicationDefinesItsOwn(String starterBean, Class<?> userConfiguration) {
		this.runner.withUserConfiguration(userConfiguration).run((context) -> {
			assertThat(context).hasNotFailed();
			String userBean = Stream.of(userConfiguration.getDeclaredMethods())
				.filter((method) -> !method.isSynthetic())
				.findFirst()
				.orElseThrow()
				.getName();
			assertThat(context).hasBean(userBean);
			assertThat(isDefinedByTheStarter(context, starterBean)).isFalse();
		});
	}

	private static boolean isDefinedByTheStarter(AssertableWebApplicationContext context, String name) {
		if (!context.getBeanFactory().containsBeanDefinition(name)) {
			return false;
		}
		org.springframework.beans.factory.config.BeanDefinition definition = context.getBeanFactory()
			.getBeanDefinition(name);
		String factory = definition.getFactoryBeanName();
		if (factory == null && definition.getFactoryMethodName() != null) {
			// A static @Bean method: the bean class is the configuration class itself.
			factory = definition.getBeanClassName();
		}
		if (factory == null) {
			return false;
		}
		for (Class<?> configuration : List.of(ApiErrorsAutoConfiguration.class, ApiErrorsWebMvcAutoConfiguration.class,
				ApiErrorsSecurityAutoConfiguration.class)) {
			if (factory.equals(configuration.getName()) || factory.startsWith(configuration.getName() + "$")) {
				return true;
			}
		}
		return false;
	}

	// Properties

	@Test
	void problemDetailsFormatAndTypeBaseReachTheResponse() {
		this.runner
			.withPropertyValues("api.errors.format=problem-details", "api.errors.type-base=https://example.com/errors")
			.run((context) -> {
				MockHttpServletResponse response = render(context, new MockHttpServletRequest("GET", "/orders/7"),
						context.getBean(ErrorResolver.class).resolve(404));
				assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
				JsonNode body = JSON.readTree(response.getContentAsString());
				assertThat(body.get("type").asString()).isEqualTo("https://example.com/errors/not_found");
				assertThat(body.get("status").asInt()).isEqualTo(404);
				assertThat(body.get("instance").asString()).isEqualTo("/orders/7");
			});
	}

	@Test
	void typeBaseEndingWithASeparatorIsKept() {
		this.runner.withPropertyValues("api.errors.format=problem-details", "api.errors.type-base=urn:problem:")
			.run((context) -> {
				MockHttpServletResponse response = render(context, new MockHttpServletRequest("GET", "/"),
						context.getBean(ErrorResolver.class).resolve(409));
				assertThat(JSON.readTree(response.getContentAsString()).get("type").asString())
					.isEqualTo("urn:problem:conflict");
			});
	}

	@Test
	void simpleFormatIsTheDefault() {
		this.runner.run((context) -> {
			assertThat(context.getBean(ApiErrorsProperties.class).getFormat()).isEqualTo(ApiErrorFormat.SIMPLE);
			MockHttpServletResponse response = render(context, new MockHttpServletRequest("GET", "/"),
					context.getBean(ErrorResolver.class).resolve(404));
			assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
		});
	}

	@Test
	void perStatusMessagesReplaceTheDefaults() {
		this.runner.withPropertyValues("api.errors.messages.404=No such thing.", "api.errors.messages.599=Odd.")
			.run((context) -> {
				ErrorResolver resolver = context.getBean(ErrorResolver.class);
				assertThat(resolver.resolve(404).getMessage()).isEqualTo("No such thing.");
				assertThat(resolver.resolve(599).getMessage()).isEqualTo("Odd.");
				assertThat(resolver.resolve(409).getMessage())
					.isEqualTo("The request conflicts with the current state of the resource.");
			});
	}

	@Test
	void mappingsReachTheResolver() {
		this.runner
			.withPropertyValues("api.errors.mappings[0].exception=java.util.NoSuchElementException",
					"api.errors.mappings[0].status=404", "api.errors.mappings[0].code=item_missing")
			.run((context) -> {
				ResolvedError details = context.getBean(ErrorResolver.class)
					.resolve(new java.util.InputMismatchException("not a number"));
				assertThat(details.getStatus()).isEqualTo(404);
				assertThat(details.getCode()).isEqualTo("item_missing");
				assertThat(details.getMessage()).isEqualTo("The requested resource was not found.");
			});
	}

	@Test
	void retryAfterDefaultsAreBound() {
		this.runner
			.withPropertyValues("api.errors.retry-after.too-many-requests=90s",
					"api.errors.retry-after.service-unavailable=2m", "api.errors.retry-after.max=1h")
			.run((context) -> {
				HeaderPolicy policy = context.getBean(HeaderPolicy.class);
				assertThat(policy.defaultRetryAfter(429)).isEqualTo("90");
				assertThat(policy.defaultRetryAfter(503)).isEqualTo("120");
				MockHttpServletResponse response = render(context, new MockHttpServletRequest("GET", "/"),
						context.getBean(ErrorResolver.class)
							.resolve(new dev.apierrors.ServiceUnavailableException("Later.", java.time.Duration.ofDays(2))));
				assertThat(response.getHeader("Retry-After")).isEqualTo("3600");
			});
	}

	@Test
	void logLevelOffSilencesAStatusAndTheExactStatusWins(CapturedOutput output) {
		this.runner.withPropertyValues("api.errors.logging.levels.4xx=warn", "api.errors.logging.levels.404=off")
			.run((context) -> {
				ErrorResolver resolver = context.getBean(ErrorResolver.class);
				render(context, new MockHttpServletRequest("GET", "/silenced"), resolver.resolve(404));
				render(context, new MockHttpServletRequest("GET", "/logged"), resolver.resolve(409));
			});
		assertThat(output).contains("WARN").contains("GET /logged -> 409 conflict").doesNotContain("/silenced");
	}

	@Test
	void stackTracesCanBeTurnedOnForAStatus(CapturedOutput output) {
		this.runner
			.withPropertyValues("api.errors.logging.levels.4xx=warn", "api.errors.logging.stack-traces.409=true")
			.run((context) -> {
				ErrorResolver resolver = context.getBean(ErrorResolver.class);
				render(context, new MockHttpServletRequest("GET", "/traced"),
						resolver.resolve(new IllegalStateException("traced failure")));
				render(context, new MockHttpServletRequest("GET", "/conflict"),
						resolver.resolve(409, new NoSuchElementException("untraced failure")));
			});
		assertThat(output).contains("java.lang.IllegalStateException: traced failure")
			.contains("GET /conflict -> 409")
			.doesNotContain("untraced failure");
	}

	@Test
	void customizersRunInOrder() {
		this.runner.withUserConfiguration(OrderedCustomizers.class).run((context) -> {
			MockHttpServletResponse response = render(context, new MockHttpServletRequest("GET", "/"),
					context.getBean(ErrorResolver.class).resolve(404));
			JsonNode body = JSON.readTree(response.getContentAsString());
			assertThat(body.propertyNames()).containsExactly("error", "message", "request_id", "first", "second");
			assertThat(response.getHeader("X-Order")).isEqualTo("first");
		});
	}

	@Test
	void messagesAreLocalisedWithTheApplicationsLocaleResolver() {
		this.runner.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
			.withPropertyValues("spring.messages.basename=config-messages", "spring.web.locale=fr",
					"spring.web.locale-resolver=fixed")
			.run((context) -> {
				MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
				request.addHeader("Accept-Language", "en");
				request.addPreferredLocale(java.util.Locale.ENGLISH);
				MockHttpServletResponse response = render(context, request,
						context.getBean(ErrorResolver.class).resolve(404));
				assertThat(JSON.readTree(response.getContentAsString()).get("message").asString())
					.isEqualTo("Ressource introuvable.");
			});
	}

	@Test
	void messagesStayAsResolvedWithoutMessageBundle() {
		this.runner.run((context) -> {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
			request.addPreferredLocale(java.util.Locale.FRENCH);
			MockHttpServletResponse response = render(context, request,
					context.getBean(ErrorResolver.class).resolve(404));
			assertThat(JSON.readTree(response.getContentAsString()).get("message").asString())
				.isEqualTo("The requested resource was not found.");
		});
	}

	// Start-up failures

	@Test
	void invalidMappingFailsStartUpNamingTheEntry() {
		this.runner
			.withPropertyValues("api.errors.mappings[0].exception=java.util.NoSuchElementException",
					"api.errors.mappings[0].status=404", "api.errors.mappings[1].exception=com.example.Missing",
					"api.errors.mappings[1].status=404")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidMappingException.class)
				.hasMessageContaining("api.errors.mappings[1]")
				.hasMessageContaining("com.example.Missing"));
	}

	@Test
	void mappedClassesAreLoadedWithTheApplicationsClassLoader() {
		this.runner.withClassLoader(new FilteredClassLoader(NoSuchElementException.class))
			.withPropertyValues("api.errors.mappings[0].exception=java.util.NoSuchElementException",
					"api.errors.mappings[0].status=404")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidMappingException.class)
				.hasMessageContaining("not a class on the classpath"));
	}

	@Test
	void logLevelKeyThatIsNoStatusFailsStartUp() {
		this.runner.withPropertyValues("api.errors.logging.levels.40x=warn")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.logging.levels.40x"));
	}

	@Test
	void stackTraceKeyThatIsNoStatusFailsStartUp() {
		this.runner.withPropertyValues("api.errors.logging.stack-traces.client=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.logging.stack-traces.client"));
	}

	@Test
	void messageForANonErrorStatusFailsStartUp() {
		this.runner.withPropertyValues("api.errors.messages.302=Moved.")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.messages.302"));
	}

	@Test
	void blankMessageFailsStartUp() {
		this.runner.withPropertyValues("api.errors.messages.404= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.messages.404"));
	}

	@Test
	void relativeTypeBaseFailsStartUp() {
		this.runner.withPropertyValues("api.errors.type-base=docs.example.com/errors")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.type-base"));
	}

	@Test
	void docUrlWithoutTypeBaseFailsStartUp() {
		this.runner.withPropertyValues("api.errors.doc-url=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.doc-url")
				.hasMessageContaining("api.errors.type-base"));
	}

	@Test
	void docUrlWithProblemDetailsFailsStartUp() {
		this.runner
			.withPropertyValues("api.errors.doc-url=true", "api.errors.type-base=https://docs.example.com/errors/",
					"api.errors.format=problem-details")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("api.errors.doc-url")
				.hasMessageContaining("simple format"));
	}

	@Test
	void docUrlWithTypeBaseStartsAndLinksTheCode() {
		this.runner
			.withPropertyValues("api.errors.doc-url=true", "api.errors.type-base=https://docs.example.com/errors/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MockHttpServletResponse response = render(context, new MockHttpServletRequest("GET", "/x"),
						context.getBean(ErrorCatalog.class).error(404).build());
				assertThat(response.getContentAsString())
					.contains("\"doc_url\":\"https://docs.example.com/errors/not_found\"");
			});
	}

	private static MockHttpServletResponse render(AssertableWebApplicationContext context,
			MockHttpServletRequest request, ResolvedError error) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		context.getBean(ServletErrorWriter.class).write(request, response, error);
		return response;
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		@Order(2)
		ApiErrorCustomizer secondCustomizer() {
			return (error) -> {
				error.addMember("second", 2);
				error.addHeader("X-Order", "second");
			};
		}

		@Bean
		@Order(1)
		ApiErrorCustomizer firstCustomizer() {
			return (error) -> {
				error.addMember("first", 1);
				error.addHeader("X-Order", "first");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCatalog {

		@Bean
		ErrorCatalog userCatalog() {
			return new ErrorCatalog(Map.of(404, "Nothing here."));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRequestIdGenerator {

		@Bean
		RequestIdGenerator userRequestIdGenerator() {
			return () -> "fixed";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRequestIds {

		@Bean
		RequestIds userRequestIds() {
			return new RequestIds("X-Trace-Me", () -> "fixed");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSpringWebRules {

		@Bean
		SpringWebRules userSpringWebRules(ErrorCatalog catalog) {
			return new SpringWebRules(catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserValidationRules {

		@Bean
		dev.apierrors.core.rules.ValidationRules userValidationRules(ErrorCatalog catalog) {
			return new dev.apierrors.core.rules.ValidationRules(catalog, (type, path) -> path, 400);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSpringDataRules {

		@Bean
		dev.apierrors.core.rules.SpringDataRules userSpringDataRules(ErrorCatalog catalog) {
			return new dev.apierrors.core.rules.SpringDataRules(catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSecurityRules {

		@Bean
		dev.apierrors.core.rules.SecurityRules userSecurityRules(ErrorCatalog catalog) {
			return new dev.apierrors.core.rules.SecurityRules(catalog, 403);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHttpClientRules {

		@Bean
		dev.apierrors.client.HttpClientRules userHttpClientRules(ErrorCatalog catalog) {
			return new dev.apierrors.client.HttpClientRules(catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolver {

		@Bean
		ErrorResolver userErrorResolver(ErrorCatalog catalog) {
			return new ErrorResolver(catalog, List.of(), List.of(), List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserErrorLogger {

		@Bean
		ErrorLogger userErrorLogger() {
			return new ErrorLogger(ErrorLogPolicy.DEFAULT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMessageLocalizer {

		@Bean
		MessageLocalizer userMessageLocalizer() {
			return new MessageLocalizer(new StaticMessageSource(), null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRateLimitHeaders {

		@Bean
		RateLimitHeaders userRateLimitHeaders() {
			return (rateLimit, headers) -> headers.set("Quota-Left", Long.toString(rateLimit.remaining()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHeaderPolicy {

		@Bean
		HeaderPolicy userHeaderPolicy() {
			java.time.Duration second = java.time.Duration.ofSeconds(1);
			return new HeaderPolicy("X-Request-Id", new RetryAfterPolicy(second, second, second),
					new AuthenticationChallenges("Basic", "users"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBodyEncoder {

		@Bean
		ErrorBodyEncoder userBodyEncoder(ErrorCatalog catalog) {
			return new ErrorBodyEncoder(ApiErrorFormat.PROBLEM_DETAILS, null, false, catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRenderer {

		@Bean
		ErrorRenderer userErrorRenderer(HeaderPolicy headerPolicy, ErrorBodyEncoder encoder, ErrorLogger errorLogger,
				MessageLocalizer localizer, ErrorCatalog catalog) {
			return new ErrorRenderer(headerPolicy, encoder, errorLogger, localizer, List.of(), catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserServletErrorWriter {

		@Bean
		ServletErrorWriter userServletErrorWriter(ErrorResolver resolver, ErrorRenderer renderer,
				RequestIds requestIds) {
			return new ServletErrorWriter(resolver, renderer, requestIds, () -> null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserServletRules {

		@Bean
		dev.apierrors.servlet.ServletRules userServletRules() {
			return new dev.apierrors.servlet.ServletRules();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRequestIdFilter {

		@Bean
		FilterRegistrationBean<?> apiErrorsRequestIdFilter() {
			return new FilterRegistrationBean<>((request, response, chain) -> chain.doFilter(request, response));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserErrorBoundaryFilter {

		@Bean
		FilterRegistrationBean<?> apiErrorsErrorBoundaryFilter() {
			return new FilterRegistrationBean<>((request, response, chain) -> chain.doFilter(request, response));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserExceptionResolver {

		@Bean
		ApiErrorsHandlerExceptionResolver userErrorsExceptionResolver(ServletErrorWriter writer,
				org.springframework.context.ApplicationContext context) {
			Predicate<Throwable> never = (ex) -> false;
			return new ApiErrorsHandlerExceptionResolver(writer, context, never, false);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserErrorController {

		@Bean
		ErrorController userErrorsErrorController() {
			return new ErrorController() {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFieldNames {

		@Bean
		FieldNameResolver userErrorsFieldNames() {
			return (type, path) -> path.toUpperCase();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEntryPoint {

		@Bean
		ApiErrorsAuthenticationEntryPoint userErrorsAuthenticationEntryPoint(ServletErrorWriter writer) {
			return new ApiErrorsAuthenticationEntryPoint(writer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAccessDeniedHandler {

		@Bean
		ApiErrorsAccessDeniedHandler userErrorsAccessDeniedHandler(ServletErrorWriter writer) {
			return new ApiErrorsAccessDeniedHandler(writer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSecurityCustomizer {

		@Bean
		Customizer<HttpSecurity> apiErrorsHttpSecurityCustomizer() {
			return (http) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTaskDecorator {

		@Bean
		org.springframework.core.task.TaskDecorator apiErrorsRequestIdTaskDecorator() {
			return (runnable) -> runnable;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAsyncSupportConfigurer {

		@Bean
		org.springframework.web.servlet.config.annotation.WebMvcConfigurer apiErrorsAsyncSupportConfigurer() {
			return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCorsProcessorPostProcessor {

		@Bean
		static org.springframework.beans.factory.config.BeanPostProcessor apiErrorsCorsProcessorPostProcessor() {
			return new org.springframework.beans.factory.config.BeanPostProcessor() {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStaticResourceIndex {

		@Bean
		StaticResourceIndex userStaticResourceIndex() {
			return new StaticResourceIndex();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserStaticResourceIndexPostProcessor {

		@Bean
		static org.springframework.beans.factory.config.BeanPostProcessor apiErrorsStaticResourceIndexPostProcessor() {
			return new org.springframework.beans.factory.config.BeanPostProcessor() {
			};
		}

	}

}
