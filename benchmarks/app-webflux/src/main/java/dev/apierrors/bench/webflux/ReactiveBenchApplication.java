package dev.apierrors.bench.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The small WebFlux app that every reactive benchmark variant runs: one success endpoint and one endpoint per kind
 * of error, the same as the Spring MVC benchmark app's.
 */
@SpringBootApplication
public class ReactiveBenchApplication {

	/**
	 * Start the app.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(ReactiveBenchApplication.class, args);
	}

}
