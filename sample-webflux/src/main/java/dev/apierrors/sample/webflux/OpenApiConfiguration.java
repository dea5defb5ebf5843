package dev.apierrors.sample.webflux;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and server of the WebFlux sample's OpenAPI specification (served at {@code /v3/api-docs}, with Swagger
 * UI at {@code /swagger-ui.html}); api-errors adds the error responses of every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI sampleOpenApi() {
		return new OpenAPI().info(new Info().title("api-errors sample (WebFlux)").version("1"))
			.addServersItem(new Server().url("http://localhost:8081"));
	}

}
