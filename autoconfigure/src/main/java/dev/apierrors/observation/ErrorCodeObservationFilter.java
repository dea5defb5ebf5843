package dev.apierrors.observation;

import java.util.stream.Stream;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeRegistry;
import dev.apierrors.core.observation.ErrorObservations;

import org.springframework.util.ClassUtils;

/**
 * Adds the low-cardinality key {@code error.code} to every server request observation (Spring MVC's and
 * WebFlux's {@code http.server.requests}, and so its metrics and trace spans), beside the keys of whatever
 * convention is in use, which it leaves alone: the code the request was answered with, {@code none} for a request
 * answered without an error, and {@code other} for a code the error catalog does not know, so that the number of
 * values stays bounded by the catalog. An error status with no recorded code (a {@code sendError} answered by the
 * error dispatch after the observation stopped) gets its status's code, which is what that dispatch answers.
 */
public final class ErrorCodeObservationFilter implements ObservationFilter {

	private static final String SERVLET_CONTEXT = "org.springframework.http.server.observation.ServerRequestObservationContext";

	private static final String REACTIVE_CONTEXT = "org.springframework.http.server.reactive.observation.ServerRequestObservationContext";

	private final ErrorCodeRegistry registry;

	private final ErrorCatalog statuses;

	private final Class<?>[] contextTypes;

	/**
	 * Create the filter.
	 * @param registry the error catalog, whose codes are reported as they are
	 * @param statuses the default codes of the statuses
	 */
	public ErrorCodeObservationFilter(ErrorCodeRegistry registry, ErrorCatalog statuses) {
		this.registry = registry;
		this.statuses = statuses;
		ClassLoader classLoader = ErrorCodeObservationFilter.class.getClassLoader();
		this.contextTypes = Stream.of(SERVLET_CONTEXT, REACTIVE_CONTEXT)
			.filter((name) -> ClassUtils.isPresent(name, classLoader))
			.map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toArray(Class<?>[]::new);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (isServerRequest(context)) {
			context.addLowCardinalityKeyValue(KeyValue.of(ErrorObservations.KEY, value(context)));
		}
		return context;
	}

	private boolean isServerRequest(Observation.Context context) {
		for (Class<?> type : this.contextTypes) {
			if (type.isInstance(context)) {
				return true;
			}
		}
		return false;
	}

	private String value(Observation.Context context) {
		String code = ErrorObservations.code(context);
		if (code == null) {
			int status = status(context);
			if (!ErrorCatalog.isError(status)) {
				return ErrorObservations.NONE;
			}
			code = this.statuses.code(status);
		}
		return this.registry.isKnown(code) ? code : ErrorObservations.OTHER;
	}

	/**
	 * Return the status the convention recorded, whichever convention it is, as long as it keeps Spring's
	 * {@code status} key.
	 */
	private static int status(Observation.Context context) {
		KeyValue status = context.getLowCardinalityKeyValue("status");
		if (status == null) {
			status = context.getLowCardinalityKeyValue("http.response.status_code");
		}
		if (status == null) {
			return 0;
		}
		try {
			return Integer.parseInt(status.getValue());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
