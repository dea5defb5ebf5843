package dev.apierrors.autoconfigure.observation;

import java.util.List;
import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import dev.apierrors.autoconfigure.ApiErrorsAutoConfiguration;
import dev.apierrors.autoconfigure.catalog.ApiErrorsCatalogAutoConfiguration;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.observation.ErrorObservations;
import dev.apierrors.observation.ErrorCodeObservationFilter;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link ApiErrorsObservationAutoConfiguration} and the values of the {@code error.code} key.
 */
class ApiErrorsObservationAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApiErrorsAutoConfiguration.class,
				ApiErrorsCatalogAutoConfiguration.class, ApiErrorsObservationAutoConfiguration.class));

	@Test
	void definesTheObservationFilterWithBootsObservationSupport() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ErrorCodeObservationFilter.class));
	}

	@Test
	void nothingIsRegisteredAndNothingFailsWithoutBootsObservationSupport() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.micrometer.observation"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ErrorCodeObservationFilter.class));
	}

	@Test
	void filterBacksOffWhenTheApplicationDefinesOne() {
		ErrorCatalog catalog = new ErrorCatalog(Map.of());
		this.runner
			.withBean("userFilter", ErrorCodeObservationFilter.class,
					() -> new ErrorCodeObservationFilter(new ErrorCodeRegistry(catalog, List::of), catalog))
			.run((context) -> assertThat(context).hasSingleBean(ErrorCodeObservationFilter.class)
				.hasBean("userFilter"));
	}

	@Test
	void keyIsTheRecordedCodeNoneForSuccessesTheStatusCodeOtherwiseAndOtherOutsideTheCatalog() {
		this.runner.run((context) -> {
			ErrorCodeObservationFilter filter = context.getBean(ErrorCodeObservationFilter.class);
			ErrorCatalog catalog = context.getBean(ErrorCatalog.class);
			assertThat(value(filter, withStatus("200"))).isEqualTo("none");
			assertThat(value(filter, withStatus("404"))).isEqualTo("not_found");
			ServerRequestObservationContext recorded = withStatus("409");
			ErrorObservations.record(recorded, null, catalog.error(409).build());
			assertThat(value(filter, recorded)).isEqualTo("conflict");
			ServerRequestObservationContext invented = withStatus("409");
			ErrorObservations.record(invented, null,
					dev.apierrors.core.ResolvedError.builder(409, "made_up_code", "Made up.").build());
			assertThat(value(filter, invented)).isEqualTo("other");
			Observation.Context other = new Observation.Context();
			assertThat(filter.map(other).getLowCardinalityKeyValue("error.code")).isNull();
		});
	}

	private static ServerRequestObservationContext withStatus(String status) {
		ServerRequestObservationContext context = new ServerRequestObservationContext(new MockHttpServletRequest(),
				new MockHttpServletResponse());
		context.addLowCardinalityKeyValue(KeyValue.of("status", status));
		return context;
	}

	private static String value(ErrorCodeObservationFilter filter, Observation.Context context) {
		return filter.map(context).getLowCardinalityKeyValue("error.code").getValue();
	}

}
