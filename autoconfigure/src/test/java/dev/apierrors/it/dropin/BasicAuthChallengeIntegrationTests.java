package dev.apierrors.it.dropin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.apierrors.it.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 401 in an application secured with HTTP Basic announces the scheme and realm the filter chain accepts, never
 * the starter's default Bearer, and none where HTTP Basic deliberately sends none.
 */
@SpringBootTest(classes = BasicAuthApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class BasicAuthChallengeIntegrationTests {

	private static final String XHR = "XMLHttpRequest";

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void unauthenticatedRequestGetsTheChainsBasicChallengeAndTheUniformBody() {
		Http.Response response = this.http.get("/shop/orders", "Accept", "application/json");
		assertError(response, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"shop\", charset=\"UTF-8\"");
	}

	@Test
	void defaultRealmOfHttpBasicIsAnnounced() {
		Http.Response response = this.http.get("/orders", "Accept", "application/json");
		assertError(response, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"Realm\", charset=\"UTF-8\"");
	}

	@Test
	void xmlHttpRequestKeepsTheBare401ThatHttpBasicSendsOnPurpose() {
		Http.Response response = this.http.get("/shop/orders", "X-Requested-With", XHR, "Accept", "application/json");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isNull();
		assertThat(response.json().get("error").asString()).isEqualTo("authentication_required");
	}

	@Test
	void typedUnauthenticatedExceptionAnnouncesTheChainsScheme() {
		Http.Response response = this.http.get("/shop/open/login-needed");
		assertError(response, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"shop\", charset=\"UTF-8\"");
		assertThat(this.http.get("/open/login-needed").headerValues("WWW-Authenticate"))
			.containsExactly("Basic realm=\"Realm\", charset=\"UTF-8\"");
	}

	@Test
	void typedUnauthenticatedExceptionInAnXmlHttpRequestAnnouncesNoScheme() {
		Http.Response response = this.http.get("/shop/open/login-needed", "X-Requested-With", XHR);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isNull();
	}

	@Test
	void wrongCredentialsGetTheChainsChallenge() {
		Http.Response response = this.http.get("/shop/orders", "Authorization", "Basic YWRhOndyb25n");
		assertError(response, 401, "authentication_required");
		assertThat(response.headerValues("WWW-Authenticate")).containsExactly("Basic realm=\"shop\", charset=\"UTF-8\"");
	}

	@Test
	void rightCredentialsPass() {
		Http.Response response = this.http.get("/shop/orders", "Authorization", "Basic YWRhOnNlY3JldA==");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("orders");
	}

}
