package dev.apierrors.autoconfigure.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of calls to other services, under {@code api.errors.client}.
 */
@ConfigurationProperties("api.errors.client")
public class ClientProperties {

	/**
	 * Whether error responses of other services in an api-errors format or as RFC 9457 problem details become an
	 * UpstreamErrorException in Spring Boot's RestClient, WebClient and HTTP service clients.
	 */
	private boolean decode = true;

	/**
	 * Whether calls made through Spring Boot's RestClient, WebClient and HTTP service clients carry the current
	 * request's id in the request id header.
	 */
	private boolean propagateRequestId = true;

	/**
	 * Whether an upstream's 4xx other than 429 is answered with the upstream's status, code, message and fields,
	 * as a gateway or a backend for frontends does, rather than as this service's own 500.
	 */
	private boolean passThroughClientErrors;

	public boolean isDecode() {
		return this.decode;
	}

	public void setDecode(boolean decode) {
		this.decode = decode;
	}

	public boolean isPropagateRequestId() {
		return this.propagateRequestId;
	}

	public void setPropagateRequestId(boolean propagateRequestId) {
		this.propagateRequestId = propagateRequestId;
	}

	public boolean isPassThroughClientErrors() {
		return this.passThroughClientErrors;
	}

	public void setPassThroughClientErrors(boolean passThroughClientErrors) {
		this.passThroughClientErrors = passThroughClientErrors;
	}

}
