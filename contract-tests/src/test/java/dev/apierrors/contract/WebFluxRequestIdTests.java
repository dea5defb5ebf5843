package dev.apierrors.contract;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiRequestId;

import static dev.apierrors.test.ApiErrorAssertions.assertThatApiError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request ids on WebFlux under concurrency: every exchange gets its own id, the header, the body and the MDC that
 * the handler's log line sees after a thread hop all agree, and no id is carried over to another exchange.
 */
class WebFluxRequestIdTests {

	private static final int REQUESTS = 2000;

	private final List<ILoggingEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			WebFluxRequestIdTests.this.events.add(event);
		}

	};

	@BeforeEach
	void captureLogs() {
		Stack.WEBFLUX.port();
		this.appender.start();
		root().addAppender(this.appender);
	}

	@AfterEach
	void stopCapturing() {
		root().detachAppender(this.appender);
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Test
	void thousandsOfMixedExchangesKeepTheirOwnIdsAcrossThreadHops() throws Exception {
		Client client = Stack.WEBFLUX.client();
		ExecutorService executor = Executors.newFixedThreadPool(16);
		List<Future<String[]>> results = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			int n = i;
			results.add(executor.submit(() -> {
				boolean fail = n % 3 == 0;
				String[] incoming = (n % 2 == 0) ? new String[] { "X-Request-Id", "client-" + n } : new String[0];
				HttpResponse<String> response = client.get("/fn/hop" + (fail ? "?fail" : ""), incoming);
				String header = response.headers().firstValue("X-Request-Id").orElseThrow();
				if (fail) {
					assertThatApiError(response).isUniform().hasStatus(404).hasCode("hop_failed");
				}
				else {
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(response.body()).as("MDC seen by the handler after a hop").isEqualTo(header);
				}
				if (incoming.length > 0) {
					assertThat(header).isEqualTo("client-" + n);
				}
				return new String[] { header };
			}));
		}
		Set<String> ids = ConcurrentHashMap.newKeySet();
		for (Future<String[]> result : results) {
			ids.add(result.get()[0]);
		}
		executor.shutdown();
		assertThat(ids).hasSize(REQUESTS);
		List<ILoggingEvent> handled = this.events.stream()
			.filter((event) -> event.getFormattedMessage().startsWith("hop handled for "))
			.toList();
		assertThat(handled).hasSize(REQUESTS);
		for (ILoggingEvent event : handled) {
			String id = event.getFormattedMessage().substring("hop handled for ".length());
			Map<String, String> mdc = event.getMDCPropertyMap();
			assertThat(mdc.get(ApiRequestId.MDC_KEY)).as("MDC of %s on %s", id, event.getThreadName()).isEqualTo(id);
		}
		List<ILoggingEvent> errors = this.events.stream()
			.filter((event) -> event.getLoggerName().equals("dev.apierrors"))
			.toList();
		assertThat(errors).hasSizeGreaterThanOrEqualTo(REQUESTS / 3);
		for (ILoggingEvent event : errors) {
			assertThat(event.getFormattedMessage()).endsWith("request_id=" + event.getMDCPropertyMap().get("request_id"));
		}
	}

	@Test
	void logLinesOutsideAnExchangeCarryNoRequestId() throws Exception {
		Client client = Stack.WEBFLUX.client();
		for (int i = 0; i < 50; i++) {
			client.get("/fn/hop");
		}
		reactor.core.publisher.Mono.delay(java.time.Duration.ofMillis(5))
			.doOnNext((tick) -> LoggerFactory.getLogger("outside").info("outside any exchange"))
			.block();
		ILoggingEvent outside = this.events.stream()
			.filter((event) -> event.getFormattedMessage().equals("outside any exchange"))
			.findFirst()
			.orElseThrow();
		assertThat(outside.getMDCPropertyMap()).doesNotContainKey(ApiRequestId.MDC_KEY);
	}

}
