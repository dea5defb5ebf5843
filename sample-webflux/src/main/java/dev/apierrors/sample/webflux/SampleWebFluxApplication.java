package dev.apierrors.sample.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the WebFlux sample service on port 8081.
 */
@SpringBootApplication
public class SampleWebFluxApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleWebFluxApplication.class, args);
	}

}
