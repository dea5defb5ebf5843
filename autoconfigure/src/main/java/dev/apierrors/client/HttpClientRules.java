package dev.apierrors.client;

import dev.apierrors.core.CauseChain;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

import org.springframework.http.HttpStatusCode;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The rules for the failures of a call to another service: an upstream 5xx is a 502 {@code bad_gateway}, a call
 * that timed out a 504 {@code gateway_timeout}, any other I/O failure a 502, and an upstream 4xx an unexpected 500,
 * since calling a service wrongly is this service's own bug. The upstream's own code and message never reach the
 * client.
 */
public final class HttpClientRules implements ErrorRuleContributor {

	private static final boolean WEB_CLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			HttpClientRules.class.getClassLoader());

	private final ErrorCatalog catalog;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 */
	public HttpClientRules(ErrorCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(RestClientResponseException.class, (ex) -> upstreamAnswered(ex.getStatusCode()));
		rules.add(ResourceAccessException.class, this::upstreamUnreachable);
		if (WEB_CLIENT_PRESENT) {
			WebClientRules.register(rules, this);
		}
	}

	ResolvedError.Builder upstreamAnswered(HttpStatusCode upstreamStatus) {
		if (upstreamStatus.is5xxServerError()) {
			return this.catalog.error(502);
		}
		return this.catalog.error(500).unexpected();
	}

	ResolvedError.Builder upstreamUnreachable(Throwable ex) {
		return this.catalog.error(CauseChain.of(ex).isTimeout() ? 504 : 502);
	}

	/**
	 * The rules for {@code WebClient}; loaded only when Spring WebFlux is present.
	 */
	private static final class WebClientRules {

		static void register(ErrorRules rules, HttpClientRules clientRules) {
			rules.add(org.springframework.web.reactive.function.client.WebClientResponseException.class,
					(ex) -> clientRules.upstreamAnswered(ex.getStatusCode()));
			rules.add(org.springframework.web.reactive.function.client.WebClientRequestException.class,
					clientRules::upstreamUnreachable);
		}

	}

}
