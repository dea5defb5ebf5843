package dev.apierrors.contract;

import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.function.SingletonSupplier;

/**
 * The two web stacks the contract is checked on, each the {@link ContractApplication} on a real server and a
 * random port, started once per test run.
 */
enum Stack {

	/** Spring MVC on Tomcat. */
	MVC(WebApplicationType.SERVLET),

	/** Spring WebFlux on Netty. */
	WEBFLUX(WebApplicationType.REACTIVE,
			"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration");

	private final Supplier<ConfigurableApplicationContext> context;

	Stack(WebApplicationType type, String... properties) {
		this.context = SingletonSupplier.of(() -> {
			ConfigurableApplicationContext started = new SpringApplicationBuilder(ContractApplication.class)
				.web(type)
				.properties("server.port=0", "spring.application.name=contract-" + name().toLowerCase(),
						"api.errors.mappings[0].exception=java.util.NoSuchElementException",
						"api.errors.mappings[0].status=404", "api.errors.mappings[0].code=item_missing",
						"logging.level.dev.apierrors=DEBUG")
				.properties(properties)
				.run();
			Runtime.getRuntime().addShutdownHook(new Thread(started::close));
			return started;
		});
	}

	/**
	 * Return the port of the stack's server, starting it on first use.
	 * @return the port
	 */
	int port() {
		return ((WebServerApplicationContext) this.context.get()).getWebServer().getPort();
	}

	/**
	 * Return the application context of the stack, starting it on first use.
	 * @return the context
	 */
	ConfigurableApplicationContext context() {
		return this.context.get();
	}

	/**
	 * Return a client for the stack's server.
	 * @return the client
	 */
	Client client() {
		return new Client(port());
	}

}
