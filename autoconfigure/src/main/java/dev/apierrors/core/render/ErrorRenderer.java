package dev.apierrors.core.render;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorCustomizer;
import dev.apierrors.core.ErrorExchange;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.body.ErrorBodyEncoder;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.http.HeaderPolicy;
import dev.apierrors.core.i18n.MessageLocalizer;
import dev.apierrors.core.logging.ErrorLogger;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * Turns a resolved error into a complete response, the same way for every web adapter: the message is localised,
 * the {@code Retry-After} delay decided, the customizers run (in order; one that fails is skipped and logged), the
 * error is logged once, and the headers and body are built. Should any of it fail, the response is the generic
 * 500, so that an error response is never left half written.
 */
public final class ErrorRenderer {

	private static final Logger logger = LoggerFactory.getLogger(ErrorRenderer.class);

	private final HeaderPolicy headerPolicy;

	private final ErrorBodyEncoder encoder;

	private final ErrorLogger errorLogger;

	private final MessageLocalizer localizer;

	private final List<ApiErrorCustomizer> customizers;

	private final ErrorCatalog catalog;

	/**
	 * Create a renderer.
	 * @param headerPolicy decides the headers
	 * @param encoder encodes the body
	 * @param errorLogger logs the error
	 * @param localizer localises client messages
	 * @param customizers the customizers to apply, in order
	 * @param catalog the catalog, for the generic 500
	 */
	public ErrorRenderer(HeaderPolicy headerPolicy, ErrorBodyEncoder encoder, ErrorLogger errorLogger,
			MessageLocalizer localizer, List<ApiErrorCustomizer> customizers, ErrorCatalog catalog) {
		this.headerPolicy = headerPolicy;
		this.encoder = encoder;
		this.errorLogger = errorLogger;
		this.localizer = localizer;
		this.customizers = List.copyOf(customizers);
		this.catalog = catalog;
	}

	/**
	 * Return the header policy.
	 * @return the header policy
	 */
	public HeaderPolicy headerPolicy() {
		return this.headerPolicy;
	}

	/**
	 * Render an error.
	 * @param error the error
	 * @param exchange the exchange it answers
	 * @return the response to write
	 */
	public RenderedError render(ResolvedError error, ErrorExchange exchange) {
		try {
			return renderOrFail(error, exchange);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.error("Failed to render the error {}; answering the generic 500 (request_id={})", error,
					exchange.requestId(), ex);
			return fallback(exchange);
		}
	}

	private RenderedError renderOrFail(ResolvedError error, ErrorExchange exchange) {
		if (this.localizer.isActive()) {
			this.localizer.localize(error, exchange::locale);
		}
		HeaderPolicy.RetryAfter retryAfter = this.headerPolicy.retryAfter(error, exchange);
		error.prepare(exchange.requestId(), retryAfter.seconds(), this.headerPolicy.reservedHeaders());
		customize(error);
		this.errorLogger.log(error, exchange);
		byte[] body = this.encoder.encode(error, exchange.path());
		MultiValueMap<String, String> headers = this.headerPolicy.headers(error, exchange, retryAfter,
				this.encoder.contentType());
		return new RenderedError(error.getStatus(), headers, this.headerPolicy.removedHeaders(error.getStatus()),
				body);
	}

	/**
	 * Log an error that cannot be answered, because the response was already committed.
	 * @param error the error
	 * @param exchange the exchange
	 */
	public void logUnanswered(ResolvedError error, ErrorExchange exchange) {
		this.errorLogger.logUnanswered(error, exchange, "response already committed, left as is");
	}

	private void customize(ResolvedError error) {
		for (ApiErrorCustomizer customizer : this.customizers) {
			try {
				customizer.customize(error);
			}
			catch (RuntimeException | LinkageError ex) {
				logger.error("ApiErrorCustomizer {} failed; its changes may be incomplete",
						customizer.getClass().getName(), ex);
			}
		}
	}

	private RenderedError fallback(ErrorExchange exchange) {
		String requestId = exchange.requestId();
		byte[] body;
		try {
			ResolvedError error = this.catalog.error(500).build();
			error.prepare(requestId, -1, this.headerPolicy.reservedHeaders());
			body = this.encoder.encode(error, exchange.path());
		}
		catch (RuntimeException | LinkageError ex) {
			body = ("{\"error\":\"internal_error\",\"message\":\"An unexpected error occurred.\",\"request_id\":\""
					+ requestId + "\"}").getBytes(StandardCharsets.UTF_8);
		}
		MultiValueMap<String, String> headers = HeaderPolicy.newHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, this.encoder.contentType());
		headers.set(this.headerPolicy.requestIdHeader(), requestId);
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.set("X-Content-Type-Options", "nosniff");
		return new RenderedError(500, headers, this.headerPolicy.removedHeaders(500), body);
	}

}
