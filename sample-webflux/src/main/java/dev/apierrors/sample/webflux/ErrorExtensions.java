package dev.apierrors.sample.webflux;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.ApiExceptionMapper;
import dev.apierrors.ServiceUnavailableException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two extension points, as in the Spring MVC sample: a customizer that links every error to its documentation,
 * and a mapper that answers a JDK exception the application cannot annotate.
 */
@Configuration(proxyBeanMethods = false)
class ErrorExtensions {

	/** Where each error code is documented; the code is appended. */
	static final String DOCS = "https://docs.example.com/sample/errors#";

	@Bean
	ApiErrorCustomizer documentationLink() {
		return (error) -> error.addMember("docs", DOCS + error.getCode());
	}

	/** A full export pool means the service is busy: 503 with a short Retry-After instead of a 500. */
	@Bean
	ApiExceptionMapper exportPoolFull() {
		return (exception) -> (exception instanceof RejectedExecutionException)
				? new ServiceUnavailableException("Too many exports are running. Try again shortly.",
						Duration.ofSeconds(10))
				: null;
	}

}
