package dev.apierrors.autoconfigure;

import java.lang.reflect.Field;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import dev.apierrors.core.render.ErrorRenderer;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.reactive.ApiErrorsWebExceptionHandler;
import dev.apierrors.reactive.ProblemDetailsHandlerBackOff;
import dev.apierrors.reactive.ReactiveErrorWriter;
import dev.apierrors.reactive.ReactiveRules;
import dev.apierrors.reactive.filter.ErrorBoundaryWebFilter;
import dev.apierrors.reactive.filter.RequestIdWebFilter;
import dev.apierrors.reactive.security.ApiErrorsServerAccessDeniedHandler;
import dev.apierrors.reactive.security.ApiErrorsServerAuthenticationEntryPoint;
import dev.apierrors.reactive.security.ReactiveSecurityRules;
import dev.apierrors.servlet.ServletErrorWriter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.security.config.annotation.web.configurers.HttpBasicConfigurer;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ExceptionTranslationWebFilter;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and back-off of {@link ApiErrorsWebFluxAutoConfiguration} and
 * {@link ApiErrorsReactiveSecurityAutoConfiguration}.
 */
class ApiErrorsWebFluxAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				ApiErrorsWebMvcAutoConfiguration.class, ApiErrorsWebFluxAutoConfiguration.class,
				ApiErrorsReactiveSecurityAutoConfiguration.class, WebFluxAutoConfiguration.class,
				ErrorWebFluxAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void definesTheReactiveAdapterInAWebFluxApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorResolver.class)
				.hasSingleBean(ErrorRenderer.class)
				.hasSingleBean(ReactiveErrorWriter.class)
				.hasSingleBean(ReactiveRules.class)
				.hasSingleBean(RequestIdWebFilter.class)
				.hasSingleBean(ErrorBoundaryWebFilter.class)
				.hasSingleBean(ProblemDetailsHandlerBackOff.class)
				.hasSingleBean(ApiErrorsServerAuthenticationEntryPoint.class)
				.hasSingleBean(ApiErrorsServerAccessDeniedHandler.class)
				.hasSingleBean(ReactiveSecurityRules.class)
				.doesNotHaveBean(ServletErrorWriter.class);
			assertThat(context).getBean(ErrorWebExceptionHandler.class).isInstanceOf(ApiErrorsWebExceptionHandler.class);
			assertThat(context).doesNotHaveBean(DefaultErrorWebExceptionHandler.class);
		});
	}

	@Test
	void enabledFalseBringsBootsErrorHandlerBack() {
		this.runner.withPropertyValues("api.errors.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ReactiveErrorWriter.class).doesNotHaveBean(RequestIdWebFilter.class);
			assertThat(context).getBean(ErrorWebExceptionHandler.class)
				.isInstanceOf(DefaultErrorWebExceptionHandler.class);
		});
	}

	@Test
	void bootsProblemDetailsHandlerBacksOff() {
		this.runner.withPropertyValues("spring.webflux.problemdetails.enabled=true")
			.run((context) -> assertThat(context).getBeans(ResponseEntityExceptionHandler.class)
				.hasSize(1)
				.allSatisfy((name, handler) -> assertThat(handler).isInstanceOf(ProblemDetailsHandlerBackOff.class)));
	}

	@Test
	void worksWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).hasSingleBean(ReactiveErrorWriter.class)
				.doesNotHaveBean(ApiErrorsServerAuthenticationEntryPoint.class)
				.doesNotHaveBean(ReactiveSecurityRules.class));
	}

	@Test
	void worksWithoutContextPropagation() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.run((context) -> assertThat(context).hasSingleBean(RequestIdWebFilter.class)
				.doesNotHaveBean("apiErrorsRequestIdContextPropagation"));
	}

	@Test
	void definesNothingReactiveWithoutSpringWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.web.reactive"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveErrorWriter.class));
	}

	static Stream<Arguments> applicationBeans() {
		return Stream.of(Arguments.of(RequestIdWebFilter.class),
				Arguments.of(ErrorBoundaryWebFilter.class), Arguments.of(ApiErrorsServerAuthenticationEntryPoint.class),
				Arguments.of(ApiErrorsServerAccessDeniedHandler.class));
	}

	@ParameterizedTest(name = "{0} backs off for the application's own")
	@MethodSource("applicationBeans")
	<T> void everyBeanBacksOffWhenTheApplicationDefinesItsOwn(Class<T> type) {
		this.runner.withBean("own", type, () -> own(type)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(type)).containsOnlyKeys("own");
		});
	}

	@Test
	void applicationsWriterIsUsedByTheFiltersAndHandlers() {
		this.runner.withUserConfiguration(OwnWriter.class).run((context) -> {
			assertThat(context.getBeansOfType(ReactiveErrorWriter.class)).containsOnlyKeys("ownWriter");
			assertThat(context).hasSingleBean(ErrorBoundaryWebFilter.class);
		});
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class OwnWriter {

		@org.springframework.context.annotation.Bean
		ReactiveErrorWriter ownWriter(ErrorResolver resolver, ErrorRenderer renderer,
				dev.apierrors.core.requestid.RequestIds requestIds) {
			return new ReactiveErrorWriter(resolver, renderer, requestIds);
		}

	}

	@Test
	void applicationsErrorWebExceptionHandlerWins() {
		ErrorWebExceptionHandler own = (exchange, ex) -> Mono.error(ex);
		this.runner.withBean(ErrorWebExceptionHandler.class, () -> own)
			.run((context) -> assertThat(context).getBean(ErrorWebExceptionHandler.class).isSameAs(own));
	}

	@Test
	void springSecurityFieldsTheDefaultsAreReadFromExist() {
		assertThat(field(ExceptionTranslationWebFilter.class, "authenticationEntryPoint")).isNotNull();
		assertThat(field(ExceptionTranslationWebFilter.class, "accessDeniedHandler")).isNotNull();
		assertThat(field(CsrfWebFilter.class, "accessDeniedHandler")).isNotNull();
		assertThat(field(AuthenticationWebFilter.class, "authenticationConverter")).isNotNull();
		assertThat(field(HttpBasicServerAuthenticationEntryPoint.class, "headerValue")).isNotNull();
		assertThat(field(HttpBasicConfigurer.class, "basicAuthEntryPoint")).isNotNull();
		assertThat(field(BasicAuthenticationEntryPoint.class, "charset")).isNotNull();
	}

	private static Field field(Class<?> type, String name) {
		return ReflectionUtils.findField(type, name);
	}

	private static <T> T own(Class<T> type) {
		return org.mockito.Mockito.mock(type);
	}

}
