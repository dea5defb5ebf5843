package dev.apierrors.core.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ResolvedError;

/**
 * Records the answered error on the observation of the request, the same way for every web adapter: the code
 * sent, for the {@code error.code} key that the observation filter adds; the exception on the context, for the
 * {@code exception} key of {@code http.server.requests}; and for a 5xx the error on the observation itself, which
 * marks the trace's span as failed with the exception. A 4xx is the client's error, not the server's: its span is
 * not marked.
 */
public final class ErrorObservations {

	/** The low-cardinality key of the error code. */
	public static final String KEY = "error.code";

	/** The key's value for a request answered without an error. */
	public static final String NONE = "none";

	/** The key's value for a code the error catalog does not know, which keeps the number of values bounded. */
	public static final String OTHER = "other";

	private static final Object CODE = ErrorObservations.class.getName() + ".code";

	private ErrorObservations() {
	}

	/**
	 * Record an error answered for the request of an observation.
	 * @param context the observation's context
	 * @param observation the observation, or {@code null} when only its context is known
	 * @param error the error answered
	 */
	public static void record(Observation.Context context, @Nullable Observation observation, ResolvedError error) {
		context.put(CODE, error.getCode());
		Throwable exception = error.getException();
		if (exception == null) {
			return;
		}
		if (error.getStatus() >= 500 && observation != null) {
			if (context.getError() == null) {
				observation.error(exception);
			}
		}
		else if (context.getError() == null) {
			context.setError(exception);
		}
	}

	/**
	 * Return the code recorded for the request of an observation.
	 * @param context the observation's context
	 * @return the code, or {@code null} when no error was answered
	 */
	public static @Nullable String code(Observation.Context context) {
		return context.get(CODE);
	}

}
