package dev.apierrors.it.headers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.apierrors.it.Http;
import dev.apierrors.it.headers.MdcProbe.MdcProbeValve;
import dev.apierrors.it.headers.MdcProbe.Observation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.apierrors.it.headers.HeaderContract.assertGenerated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with a single request thread serves every kind of request in turn, with the default header name:
 * no request id survives its request on that thread, and an application's own log correlation pattern wins over
 * the starter's default.
 */
@SpringBootTest(classes = { HeadersApplication.class, MdcProbe.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1",
				"spring.mvc.async.request-timeout=300ms", "logging.pattern.correlation=[rid=%X{request_id}] " })
@ExtendWith(OutputCaptureExtension.class)
class RequestIdCarryOverIntegrationTests {

	private static final String ID = "X-Request-Id";

	private static final String[] NONE = {};

	@LocalServerPort
	int port;

	@Autowired
	MdcProbeValve valve;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void noIdSurvivesItsRequestOnASingleThreadedServer() {
		List<String[]> requests = List.of(new String[] { "GET", "/public/echo" },
				new String[] { "GET", "/public/missing" }, new String[] { "GET", "/public/send-error/503" },
				new String[] { "GET", "/public/filter/401" }, new String[] { "GET", "/public/filter/failure" },
				new String[] { "GET", "/private/me" }, new String[] { "GET", "/basic/hello" },
				new String[] { "GET", "/public/async/echo" }, new String[] { "GET", "/public/async/missing" },
				new String[] { "GET", "/public/async/slow" }, new String[] { "GET", "/public/task" },
				new String[] { "HEAD", "/public/missing" }, new String[] { "DELETE", "/public/only-get" });
		this.valve.observations.clear();
		Set<String> ids = new HashSet<>();
		List<Http.Response> responses = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (String[] request : requests) {
				// Every other request brings its own id, so that a leftover one would be noticed on the next.
				String[] headers = (responses.size() % 2 == 0) ? new String[] { ID, "client-" + UUID.randomUUID() }
						: NONE;
				Http.Response response = this.http.send(request[0], request[1], null, headers);
				responses.add(response);
				String id = response.header(ID);
				assertThat(ids.add(id)).as("id %s of %s is new", id, request[1]).isTrue();
				if (headers.length > 0) {
					assertThat(id).isEqualTo(headers[1]);
				}
				else {
					assertGenerated(id);
				}
				if (!request[0].equals("HEAD") && response.contentType() != null
						&& response.contentType().startsWith("application/json") && response.status() >= 400) {
					assertThat(response.json().get("request_id").asString()).isEqualTo(id);
				}
			}
		}
		List<Observation> observations = this.valve.observations;
		assertThat(observations).hasSizeGreaterThanOrEqualTo(responses.size());
		assertThat(observations).map(Observation::thread).containsOnly(observations.get(0).thread());
		assertThat(observations).allSatisfy((observation) -> {
			assertThat(observation.before()).as("MDC before %s", observation.uri()).isNull();
			assertThat(observation.after()).as("MDC after %s", observation.uri()).isNull();
		});
	}

	@Test
	void applicationsOwnCorrelationPatternWins(CapturedOutput output) {
		String marker = UUID.randomUUID().toString();
		Http.Response response = this.http.get("/public/log?marker=" + marker);
		String id = response.header(ID);
		assertThat(output.getAll().lines().filter((line) -> line.endsWith("handling " + marker)))
			.singleElement()
			.asString()
			.contains("[rid=" + id + "] ")
			.doesNotContain("[" + id + "] ");
	}

}
