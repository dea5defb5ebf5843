package dev.apierrors.autoconfigure.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of calls to other services, under {@code api.errors.client}.
 */
@ConfigurationProperties("api.errors.client")
public class ClientProperties {

	/**
	 * Create an instance with the defaults.
	 */
	public ClientProperties() {
	}

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

	/**
	 * {@return whether error responses of other services in an api-errors format or as RFC 9457 problem details become
	 * an UpstreamErrorException in Spring Boot's RestClient, WebClient and HTTP service clients}
	 */
	public boolean isDecode() {
		return this.decode;
	}

	/**
	 * Set whether error responses of other services in an api-errors format or as RFC 9457 problem details become an
	 * UpstreamErrorException in Spring Boot's RestClient, WebClient and HTTP service clients.
	 * @param decode the new value
	 */
	public void setDecode(boolean decode) {
		this.decode = decode;
	}

	/**
	 * {@return whether calls made through Spring Boot's RestClient, WebClient and HTTP service clients carry the
	 * current request's id in the request id header}
	 */
	public boolean isPropagateRequestId() {
		return this.propagateRequestId;
	}

	/**
	 * Set whether calls made through Spring Boot's RestClient, WebClient and HTTP service clients carry the current
	 * request's id in the request id header.
	 * @param propagateRequestId the new value
	 */
	public void setPropagateRequestId(boolean propagateRequestId) {
		this.propagateRequestId = propagateRequestId;
	}

	/**
	 * {@return whether an upstream's 4xx other than 429 is answered with the upstream's status, code, message and
	 * fields, as a gateway or a backend for frontends does, rather than as this service's own 500}
	 */
	public boolean isPassThroughClientErrors() {
		return this.passThroughClientErrors;
	}

	/**
	 * Set whether an upstream's 4xx other than 429 is answered with the upstream's status, code, message and fields, as
	 * a gateway or a backend for frontends does, rather than as this service's own 500.
	 * @param passThroughClientErrors the new value
	 */
	public void setPassThroughClientErrors(boolean passThroughClientErrors) {
		this.passThroughClientErrors = passThroughClientErrors;
	}

}
