package dev.apierrors.client;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Applies the starter's client side to every {@code WebClient.Builder} Spring Boot configures, those of reactive
 * HTTP service groups included: the outgoing request id and the decoding of error responses, each when switched
 * on.
 */
public final class ApiErrorsWebClientCustomizer implements WebClientCustomizer {

	private final @Nullable WebClientRequestIdFilter requestId;

	private final @Nullable WebClientErrorDecoding decoding;

	/**
	 * Create the customizer.
	 * @param requestId the filter that sends the request id, or {@code null} for none
	 * @param decoding the decoding of error responses, or {@code null} for none
	 */
	public ApiErrorsWebClientCustomizer(@Nullable WebClientRequestIdFilter requestId,
			@Nullable WebClientErrorDecoding decoding) {
		this.requestId = requestId;
		this.decoding = decoding;
	}

	@Override
	public void customize(WebClient.Builder builder) {
		if (this.requestId != null) {
			builder.filter(this.requestId);
		}
		if (this.decoding != null) {
			this.decoding.applyTo(builder);
		}
	}

}
