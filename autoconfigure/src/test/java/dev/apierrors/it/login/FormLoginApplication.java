package dev.apierrors.it.login;

import java.util.Map;

import dev.apierrors.NotFoundException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application whose chain uses form login, whose entry point redirects to the login page.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FormLoginApplication.AccountController.class)
public class FormLoginApplication {

	@Bean
	SecurityFilterChain formLoginChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**").permitAll().anyRequest().authenticated());
		http.formLogin(Customizer.withDefaults());
		return http.build();
	}

	@RestController
	static class AccountController {

		@GetMapping("/account")
		Map<String, Object> account() {
			return Map.of("ok", true);
		}

		@GetMapping("/public/missing")
		String missing() {
			throw new NotFoundException("Nothing here.");
		}

	}

}
