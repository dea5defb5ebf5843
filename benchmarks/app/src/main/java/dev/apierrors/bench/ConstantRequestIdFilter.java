package dev.apierrors.bench;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the {@code floor} profile and {@code bench.floor.contract=true}, sets a fixed request id header on every
 * response, where this project's starter sets a new one: what the header itself costs, without choosing an id.
 */
@Profile("floor")
@ConditionalOnBooleanProperty("bench.floor.contract")
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ConstantRequestIdFilter implements Filter {

	/** The request id of every response, as long as the starter's. */
	static final String ID = "onAQ9RoH_SWANOnl7Mn0ZA";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		((HttpServletResponse) response).setHeader("X-Request-Id", ID);
		chain.doFilter(request, response);
	}

}
