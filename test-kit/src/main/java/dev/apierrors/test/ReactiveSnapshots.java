package dev.apierrors.test;

import org.springframework.test.web.reactive.server.ExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Snapshots of {@link WebTestClient} responses, kept apart so that only callers of these overloads load the
 * reactive stack.
 */
final class ReactiveSnapshots {

	private ReactiveSnapshots() {
	}

	static ResponseSnapshot of(WebTestClient.ResponseSpec spec) {
		return of(spec.expectBody().returnResult());
	}

	static ResponseSnapshot of(ExchangeResult result) {
		return ResponseSnapshot
			.of(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBodyContent())
			.forRequest(result.getMethod().name(), result.getUrl().toString());
	}

}
