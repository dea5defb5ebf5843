package dev.apierrors.test;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers each {@link CannedResponse} at its path from a WebFlux router function.
 */
final class CannedRoutes {

	private CannedRoutes() {
	}

	static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().GET("/canned/{name}", (request) -> {
			CannedResponse canned = CannedResponse.forName(request.pathVariable("name"));
			ServerResponse.BodyBuilder response = ServerResponse.status(canned.status())
				.headers((headers) -> headers.addAll(canned.headers()));
			return canned.body().isEmpty() ? response.build() : response.bodyValue(canned.bodyBytes());
		}).build();
	}


}
