package dev.apierrors.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Boot's ProblemDetails support switched on, framework errors still come out in the starter's one format,
 * and each failure is logged exactly once.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.mvc.problemdetails.enabled=true")
@ExtendWith(OutputCaptureExtension.class)
class BootProblemDetailsCoexistenceTests {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void frameworkErrorsKeepTheStarterFormat() {
		assertError(this.http.get("/public/search"), 400, "missing_parameter");
		assertError(this.http.send("DELETE", "/public/users/1", null), 405, "method_not_allowed");
		assertError(this.http.get("/public/nothing-here"), 404, "not_found");
		Http.Response invalidBody = this.http.send("POST", "/public/users", "{\"name\":\"\",\"email\":\"x@y.z\",\"age\":30,\"address\":{\"city\":\"P\",\"zipCode\":\"12345\"}}", "Content-Type",
				"application/json");
		assertError(invalidBody, 422, "validation_failed");
		assertThat(invalidBody.contentType()).doesNotContain("problem");
	}

	@Test
	void unexpectedFailureIsLoggedOnceWithItsRequestId(CapturedOutput output) {
		Http.Response response = this.http.get("/public/failures/crash");
		assertError(response, 500, "internal_error");
		String requestId = response.header("X-Request-Id");
		String log = output.getAll();
		assertThat(log.lines().filter((line) -> line.contains(requestId))).hasSize(1);
		assertThat(log).contains("java.lang.IllegalStateException: SELECT * FROM users");
	}

	@Test
	void filterFailureIsLoggedOnceAndNotByTheContainer(CapturedOutput output) {
		Http.Response response = this.http.get("/public/filter-failure");
		assertError(response, 500, "internal_error");
		String requestId = response.header("X-Request-Id");
		assertThat(output.getAll().lines().filter((line) -> line.contains(requestId))).hasSize(1);
		assertThat(output.getAll()).doesNotContain("Servlet.service()");
	}

	@Test
	void clientErrorsAreNotLoggedAtError(CapturedOutput output) {
		Http.Response response = this.http.get("/public/users/77");
		assertError(response, 404, "not_found");
		assertThat(output.getAll()).doesNotContain(response.header("X-Request-Id"));
	}

}
