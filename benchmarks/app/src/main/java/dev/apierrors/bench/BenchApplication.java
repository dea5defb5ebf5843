package dev.apierrors.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The small app that every benchmark variant runs: one success endpoint and one endpoint per kind of error.
 */
@SpringBootApplication
public class BenchApplication {

	/**
	 * Start the app.
	 * @param args the command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(BenchApplication.class, args);
	}

}
