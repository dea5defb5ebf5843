package dev.apierrors.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The floor of the benchmark, active with the {@code floor} profile: the domain 404 is thrown without a stack trace
 * (as this project's typed 4xx exceptions are), and the first exception resolver answers the three error cases with
 * a status and a constant body written as bytes, and does nothing else (no message, no fields, no request id, no
 * logging). No error handling that lets Spring MVC bind, validate and throw can be cheaper on the typed 404 and the
 * invalid body; the unknown route still pays Spring's search of the static locations before the exception.
 *
 * <p>With {@code bench.floor.contract=true} the answers carry what this project's answers carry on the wire, as
 * constants: the same bodies byte for byte (with a fixed request id), {@code Cache-Control: no-store},
 * {@code X-Content-Type-Options: nosniff} and the UTF-8 content type, and every response, the success path's too,
 * a fixed {@code X-Request-Id} ({@link ConstantRequestIdFilter}). Its distance from the plain floor is what writing
 * that contract costs; the starter's distance from it is what the starter computes.
 */
@Profile("floor")
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConstantAnswerResolver implements HandlerExceptionResolver {

	private static final String ID = ConstantRequestIdFilter.ID;

	private final boolean contract;

	private final byte[] itemNotFound;

	private final byte[] noRoute;

	private final byte[] invalid;

	ConstantAnswerResolver(@Value("${bench.floor.contract:false}") boolean contract) {
		this.contract = contract;
		// The starter's bodies for the benchmark's requests: GET /items/0, an unknown route, the invalid POST /items.
		this.itemNotFound = bytes(contract ? "{\"error\":\"item_not_found\",\"message\":\"Item 0 was not found.\","
				+ "\"request_id\":\"" + ID + "\"}" : "{\"error\":\"not_found\"}");
		this.noRoute = bytes(contract ? "{\"error\":\"not_found\",\"message\":\"The requested resource was not found.\","
				+ "\"request_id\":\"" + ID + "\"}" : "{\"error\":\"not_found\"}");
		this.invalid = bytes(contract ? "{\"error\":\"validation_failed\",\"message\":\"The request contains invalid values.\","
				+ "\"request_id\":\"" + ID + "\",\"fields\":{\"currency\":\"must match \\\"[A-Z]{3}\\\"\","
				+ "\"name\":\"must not be blank\",\"priceCents\":\"must be greater than 0\"}}"
				: "{\"error\":\"validation_failed\"}");
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The floor's domain errors: a 404 without a stack trace.
	 * @return the domain errors
	 */
	@Bean
	static DomainErrors stacklessDomainErrors() {
		return StacklessNotFound::new;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (ex instanceof MethodArgumentNotValidException) {
			return answer(response, 422, this.invalid);
		}
		if (ex instanceof ResponseStatusException) {
			return answer(response, 404, this.itemNotFound);
		}
		if (ex instanceof NoResourceFoundException) {
			return answer(response, 404, this.noRoute);
		}
		return null;
	}

	private ModelAndView answer(HttpServletResponse response, int status, byte[] body) {
		response.setStatus(status);
		if (this.contract) {
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setContentType("application/json;charset=UTF-8");
		}
		else {
			response.setContentType("application/json");
		}
		response.setContentLength(body.length);
		try {
			response.getOutputStream().write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ModelAndView();
	}

	/**
	 * The domain 404 of the floor, without a stack trace.
	 */
	static final class StacklessNotFound extends ResponseStatusException {

		StacklessNotFound(long id) {
			super(HttpStatus.NOT_FOUND, "Item " + id + " was not found.");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
