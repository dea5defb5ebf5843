package dev.apierrors.sample;

import java.util.Map;

import dev.apierrors.ApiErrorResponses;
import dev.apierrors.NotFoundException;
import dev.apierrors.UpstreamErrorException;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Calls the sample's own API as if it were another service, through an HTTP interface client built on Spring
 * Boot's {@code RestClient.Builder}: the call carries this request's id, the upstream's errors arrive decoded, and
 * what escapes is answered by the rules for upstream failures (see docs/calling-other-services.md).
 */
@RestController
@RequestMapping("/api/directory")
@ApiErrorResponses({ "bad_gateway", "service_unavailable", "gateway_timeout" })
class DirectoryController {

	@HttpExchange("/api")
	interface SampleApi {

		@GetExchange("/users/{id}")
		Map<String, Object> user(@PathVariable long id);

		@GetExchange("/demo/{name}")
		String demo(@PathVariable String name);

		@GetExchange("/orders/{id}")
		String order(@PathVariable long id);

	}

	private final RestClient.Builder restClients;

	private final Environment environment;

	private volatile SampleApi api;

	DirectoryController(RestClient.Builder restClients, Environment environment) {
		this.restClients = restClients;
		this.environment = environment;
	}

	/** A user, or 404 {@code user_not_found}: this application maps that one upstream code itself. */
	@GetMapping("/users/{id}")
	@ApiErrorResponses("user_not_found")
	Map<String, Object> user(@PathVariable long id) {
		try {
			return api().user(id);
		}
		catch (UpstreamErrorException ex) {
			if (ex.getCode().equals("user_not_found")) {
				throw new NotFoundException("user_not_found", "The directory has no user " + id + ".");
			}
			throw ex;
		}
	}

	/**
	 * Whatever a demo endpoint of the upstream answers, escaping: its 429 and 503 become a 503 with its
	 * {@code Retry-After}, its 5xx a 502, its 4xx this service's own 500.
	 */
	@GetMapping("/demo/{name}")
	String demo(@PathVariable String name) {
		return api().demo(name);
	}

	/** Calls a secured endpoint without credentials: the upstream's 401 is this service's bug, a 500. */
	@GetMapping("/orders/{id}")
	String order(@PathVariable long id) {
		return api().order(id);
	}

	/**
	 * The client, built on the first call, when the server's port is known (the sample calls itself; a real
	 * service would use {@code @ImportHttpServices} and {@code spring.http.serviceclient.<group>.base-url}).
	 */
	private SampleApi api() {
		SampleApi api = this.api;
		if (api == null) {
			String port = this.environment.getProperty("local.server.port",
					this.environment.getProperty("server.port", "8080"));
			RestClient client = this.restClients.clone().baseUrl("http://127.0.0.1:" + port).build();
			api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
				.build()
				.createClient(SampleApi.class);
			this.api = api;
		}
		return api;
	}

}
