package dev.apierrors.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code bench.cpu-probe=true}, measures the CPU time and the heap allocated by the request's own thread
 * between Tomcat's engine and the last byte of the response (filter chain, dispatcher, handler, the error handling
 * and any forward to {@code /error}, the response finished and written), and answers {@code GET /bench/cpu} with
 * the totals: one line {@code <case> <nanoseconds> <bytes> <requests>} for all requests ({@code all}) and one for
 * each case a load names in an {@code X-Bench-Case} header ({@code ok}, {@code typed404}, {@code invalid},
 * {@code unknown}, {@code valid}; anything else counts as {@code other}). It leaves out what every case and variant
 * shares outside the request's own work: reading and parsing the request, the poller, recycling, GC and compiler
 * threads. Other processes still slow the thread down, so its figures are compared in pairs like every other
 * figure here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bench.cpu-probe")
class CpuProbe {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> cpuProbeValve() {
		return (factory) -> factory.addEngineValves(new ProbeValve());
	}

	static final class ProbeValve extends ValveBase {

		private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();

		private static final List<String> CASES = List.of("ok", "typed404", "invalid", "unknown", "valid", "other");

		private final Totals all = new Totals();

		private final Totals[] cases = new Totals[CASES.size()];

		ProbeValve() {
			super(true);
			for (int i = 0; i < this.cases.length; i++) {
				this.cases[i] = new Totals();
			}
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			if ("/bench/cpu".equals(request.getRequestURI())) {
				response.setContentType("text/plain");
				PrintWriter writer = response.getWriter();
				this.all.print(writer, "all");
				for (int i = 0; i < this.cases.length; i++) {
					this.cases[i].print(writer, CASES.get(i));
				}
				return;
			}
			long allocated = THREADS.getCurrentThreadAllocatedBytes();
			long cpu = THREADS.getCurrentThreadCpuTime();
			try {
				getNext().invoke(request, response);
			}
			finally {
				// Finish the response inside the window, as Tomcat would right after it: a body that was not flushed
				// (the usual case for a small one, which then gets its Content-Length here) is sent now, so that
				// every case pays its socket write inside the window wherever it was committed, and the framing is
				// the same as without the probe (a flush here would turn such a body into a chunked one).
				// Tomcat's own finishResponse afterwards finds the response closed.
				if (!request.isAsync()) {
					response.finishResponse();
				}
				long nanos = THREADS.getCurrentThreadCpuTime() - cpu;
				long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocated;
				this.all.add(nanos, bytes);
				String name = request.getHeader("X-Bench-Case");
				int index = (name != null) ? CASES.indexOf(name) : -1;
				this.cases[(index < 0) ? this.cases.length - 1 : index].add(nanos, bytes);
			}
		}

	}

	static final class Totals {

		private final LongAdder nanos = new LongAdder();

		private final LongAdder bytes = new LongAdder();

		private final LongAdder requests = new LongAdder();

		void add(long nanos, long bytes) {
			this.nanos.add(nanos);
			this.bytes.add(bytes);
			this.requests.increment();
		}

		void print(PrintWriter writer, String name) {
			writer.print(name + " " + this.nanos.sum() + " " + this.bytes.sum() + " " + this.requests.sum() + "\n");
		}

	}

}
