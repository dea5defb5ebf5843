package dev.apierrors.client;

import java.net.URI;
import java.util.Map;

import dev.apierrors.UpstreamErrorException;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.SafeText;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;
import dev.apierrors.core.resolve.FieldErrors;

/**
 * The rule for an {@link UpstreamErrorException} that escapes a handler, the same as for Spring's client
 * exceptions: an upstream 5xx is a 502 {@code bad_gateway}, an upstream 4xx an unexpected 500, since calling a
 * service wrongly is this service's own bug; in addition an upstream 429 or 503 is a 503
 * {@code service_unavailable} with the upstream's delay. The upstream's code and message never reach the client,
 * unless client errors are passed through (for gateways and backends for frontends): then an upstream 4xx other
 * than 429 answers with the upstream's status, code, message and field messages. The log line names the
 * upstream's method, URI, status, code and request id.
 */
public final class UpstreamErrorRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	private final boolean passThroughClientErrors;

	/**
	 * Create the rule.
	 * @param catalog the default codes and messages
	 * @param passThroughClientErrors whether an upstream 4xx (other than 429) answers as the upstream did
	 */
	public UpstreamErrorRules(ErrorCatalog catalog, boolean passThroughClientErrors) {
		this.catalog = catalog;
		this.passThroughClientErrors = passThroughClientErrors;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(UpstreamErrorException.class, this::answer);
	}

	private ResolvedError.Builder answer(UpstreamErrorException ex) {
		int status = ex.getStatusCode().value();
		ResolvedError.Builder error;
		if (status == 429 || status == 503) {
			error = this.catalog.error(503).retryAfter(ex.getRetryAfter());
		}
		else if (status >= 500) {
			error = this.catalog.error(502);
		}
		else if (this.passThroughClientErrors && ErrorCatalog.isError(status)) {
			error = passedThrough(status, ex);
		}
		else {
			error = this.catalog.error(500).unexpected();
		}
		return error.logDetail(logDetail(ex));
	}

	private ResolvedError.Builder passedThrough(int status, UpstreamErrorException ex) {
		String message = clientText(ex.getUpstreamMessage());
		Map<String, String> fields = ex.getFields();
		if (message.isBlank()) {
			message = this.catalog.message(status);
		}
		if (fields.size() > FieldErrors.MAX_FIELDS) {
			return FieldErrors.of(fields).error(status, ex.getCode(), message);
		}
		return ResolvedError.builder(status, ex.getCode(), message).fields(fields);
	}

	/**
	 * Return the upstream's message with control characters replaced by spaces, as no client message holds them.
	 */
	private static String clientText(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(SafeText.isControl(c) ? ' ' : c);
		}
		return out.toString().trim();
	}

	/**
	 * Return what the log line says of the upstream, for example
	 * {@code upstream GET http://users/users/7 -> 404 user_not_found "No user 7." upstream_request_id=...}.
	 */
	static String logDetail(UpstreamErrorException ex) {
		StringBuilder detail = new StringBuilder(160).append("upstream ");
		if (ex.getMethod() != null) {
			detail.append(ex.getMethod().name()).append(' ');
		}
		URI uri = ex.getUri();
		if (uri != null) {
			detail.append(withoutQuery(uri)).append(' ');
		}
		detail.append("-> ").append(ex.getStatusCode().value()).append(' ').append(ex.getCode());
		detail.append(" \"").append(SafeText.escaped(ex.getUpstreamMessage(), 200)).append('"');
		detail.append(" upstream_request_id=").append((ex.getRequestId() != null) ? ex.getRequestId() : "none");
		return detail.toString();
	}

	private static String withoutQuery(URI uri) {
		String text = uri.toString();
		int end = text.length();
		int query = text.indexOf('?');
		int fragment = text.indexOf('#');
		end = (query >= 0) ? Math.min(end, query) : end;
		end = (fragment >= 0) ? Math.min(end, fragment) : end;
		String withoutQuery = text.substring(0, end);
		String userInfo = uri.getRawUserInfo();
		return (userInfo != null) ? withoutQuery.replace(userInfo + "@", "") : withoutQuery;
	}

}
