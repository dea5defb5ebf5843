package dev.apierrors.it.dropin;

import dev.apierrors.UnauthenticatedException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application secured with HTTP Basic: a chain with its own realm under {@code /shop}, and one with
 * Spring Security's default realm for everything else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(BasicAuthApplication.BasicController.class)
public class BasicAuthApplication {

	@Bean
	@Order(1)
	SecurityFilterChain shopChain(HttpSecurity http) {
		return http.securityMatcher("/shop/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/shop/open/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.realmName("shop"))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain defaultChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/open/**")
			.permitAll()
			.anyRequest()
			.authenticated()).httpBasic(Customizer.withDefaults()).build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("ada").password("{noop}secret").roles("USER").build());
	}

	@RestController
	static class BasicController {

		@GetMapping({ "/shop/orders", "/orders" })
		String orders() {
			return "orders";
		}

		@GetMapping({ "/shop/open/login-needed", "/open/login-needed" })
		String loginNeeded() {
			throw new UnauthenticatedException("Log in to see your orders.");
		}

	}

}
