package dev.apierrors.autoconfigure;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.servlet.AnnotationConfigServletWebApplicationContext;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How a start-up failure caused by an invalid {@code api.errors.mappings} entry is explained.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidMappingFailureAnalyzerTests {

	@Test
	void analysisNamesTheEntryThePropertyAndWhereItWasSet() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("invalid-mapping",
				new ClassPathResource("failure-analysis/invalid-mapping.yml"));
		sources.forEach(environment.getPropertySources()::addFirst);
		InvalidMappingException failure = new InvalidMappingException("api.errors.mappings[1]", "status",
				"is 302, which is not an error status (400 to 599)");
		FailureAnalysis analysis = new InvalidMappingFailureAnalyzer(environment)
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo(
				"The exception mapping api.errors.mappings[1] cannot be used: api.errors.mappings[1].status "
						+ "(originating from 'class path resource [failure-analysis/invalid-mapping.yml] - 7:17') "
						+ "is 302, which is not an error status (400 to 599).");
		assertThat(analysis.getAction()).contains("Correct api.errors.mappings[1].", "from 400 to 599", "snake_case");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void analysisWithoutOriginStillNamesTheProperty() {
		InvalidMappingException failure = new InvalidMappingException("api.errors.mappings[0]", "exception",
				"is missing; every mapping needs the fully qualified name of an exception class");
		FailureAnalysis analysis = new InvalidMappingFailureAnalyzer(null).analyze(failure);
		assertThat(analysis.getDescription()).isEqualTo("The exception mapping api.errors.mappings[0] cannot be used: "
				+ "api.errors.mappings[0].exception is missing; every mapping needs the fully qualified name of an "
				+ "exception class.");
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new InvalidMappingFailureAnalyzer(null).analyze(new IllegalStateException("unrelated"))).isNull();
	}

	/** Also proves that the analyzer is registered in {@code META-INF/spring.factories}. */
	@Test
	void failedStartUpPrintsTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalServletApplication.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		application.setApplicationContextFactory(
				ApplicationContextFactory.ofContextClass(AnnotationConfigServletWebApplicationContext.class));
		assertThatException().isThrownBy(() -> application.run("--spring.main.banner-mode=off",
				"--spring.config.location=classpath:failure-analysis/invalid-mapping.yml"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The exception mapping api.errors.mappings[1] cannot be used: api.errors.mappings[1].status "
					+ "(originating from 'class path resource [failure-analysis/invalid-mapping.yml] - 7:17') is 302")
			.contains("Correct api.errors.mappings[1].");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ApiErrorsAutoConfiguration.class)
	static class MinimalServletApplication {

		@Bean
		DefaultErrorAttributes errorAttributes() {
			return new DefaultErrorAttributes();
		}

	}

}
