package dev.apierrors.client;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/**
 * Applies the starter's client side to every {@code RestClient.Builder} Spring Boot configures, those of HTTP
 * service groups ({@code @ImportHttpServices}) included: the outgoing request id and the decoding of error
 * responses, each when switched on.
 */
public final class ApiErrorsRestClientCustomizer implements RestClientCustomizer {

	private final @Nullable RequestIdInterceptor requestId;

	private final @Nullable RestClientErrorDecoding decoding;

	/**
	 * Create the customizer.
	 * @param requestId the interceptor that sends the request id, or {@code null} for none
	 * @param decoding the decoding of error responses, or {@code null} for none
	 */
	public ApiErrorsRestClientCustomizer(@Nullable RequestIdInterceptor requestId,
			@Nullable RestClientErrorDecoding decoding) {
		this.requestId = requestId;
		this.decoding = decoding;
	}

	@Override
	public void customize(RestClient.Builder builder) {
		if (this.requestId != null) {
			builder.requestInterceptor(this.requestId);
		}
		if (this.decoding != null) {
			this.decoding.applyTo(builder);
		}
	}

}
