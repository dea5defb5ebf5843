package dev.apierrors.it.login;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.it.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain with its own login mechanism keeps that mechanism's entry point; the starter still answers errors.
 */
@SpringBootTest(classes = FormLoginApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FormLoginIntegrationTests {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void formLoginKeepsItsRedirectToTheLoginPage() {
		Http.Response response = this.http.get("/account", "Accept", "text/html");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void errorsBesideFormLoginKeepTheUniformBody() {
		assertError(this.http.get("/public/missing"), 404, "not_found");
	}

}
