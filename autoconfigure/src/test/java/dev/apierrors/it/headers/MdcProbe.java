package dev.apierrors.it.headers;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.MDC;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Watches the MDC of Tomcat's request threads from outside every filter and dispatch: an engine valve records
 * the request id key before and after each request the container processes, error and async dispatches
 * included.
 */
@Configuration(proxyBeanMethods = false)
class MdcProbe {

	@Bean
	MdcProbeValve mdcProbeValve() {
		return new MdcProbeValve();
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> mdcProbeValveCustomizer(MdcProbeValve valve) {
		return (factory) -> factory.addEngineValves(valve);
	}

	record Observation(String thread, String uri, String before, String after) {
	}

	static class MdcProbeValve extends ValveBase {

		final List<Observation> observations = new CopyOnWriteArrayList<>();

		MdcProbeValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String before = MDC.get(HeadersApplication.MDC_KEY);
			try {
				getNext().invoke(request, response);
			}
			finally {
				this.observations.add(new Observation(Thread.currentThread().getName(), request.getRequestURI(), before,
						MDC.get(HeadersApplication.MDC_KEY)));
			}
		}

	}

}
