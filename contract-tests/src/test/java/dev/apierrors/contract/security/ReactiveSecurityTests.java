package dev.apierrors.contract.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;


import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on WebFlux over real HTTP: the starter's entry point and access-denied handler are the defaults
 * of every chain, a chain's own login mechanism keeps its entry point and still gets the uniform body, and every
 * 401 announces the scheme its chain accepts.
 */
@SpringBootTest(classes = ReactiveSecurityApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration" })
class ReactiveSecurityTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void chainWithoutALoginMechanismAnswersWithTheConfiguredChallenge() {
		HttpResponse<String> response = get("/orders");
		assertThatApiError(response).isUniform().hasStatus(401).hasCode("authentication_required")
			.hasHeader("WWW-Authenticate", "Bearer realm=\"api\"");
	}

	@Test
	void httpBasicKeepsItsEntryPointAndGetsTheUniformBody() {
		HttpResponse<String> response = get("/basic/orders", "Accept", "application/json");
		assertThatApiError(response).isUniform().hasStatus(401).hasCode("authentication_required")
			.hasHeader("WWW-Authenticate", "Basic realm=\"Realm\"");
	}

	@Test
	void typedUnauthenticatedExceptionAnnouncesTheChainsBasicChallenge() {
		HttpResponse<String> response = get("/basic/open/login-needed");
		assertThatApiError(response).isUniform().hasStatus(401).hasHeader("WWW-Authenticate", "Basic realm=\"Realm\"");
	}

	@Test
	void wrongBasicCredentialsGetTheUniformBody() {
		HttpResponse<String> response = get("/basic/orders", "Authorization", "Basic YWRhOndyb25n");
		assertThatApiError(response).isUniform().hasStatus(401).hasCode("authentication_required");
	}

	@Test
	void rightBasicCredentialsPass() {
		HttpResponse<String> response = get("/basic/orders", "Authorization", "Basic YWRhOnNlY3JldA==");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void missingCsrfTokenIsInvalidCsrfToken() {
		HttpResponse<String> response = send("POST", "/forms/submit");
		assertThatApiError(response).isUniform().hasStatus(403).hasCode("invalid_csrf_token");
	}

	@Test

	private HttpResponse<String> get(String path, String... headers) {
		return send("GET", path, headers);
	}

	private HttpResponse<String> send(String method, String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
