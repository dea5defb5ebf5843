package dev.apierrors.servlet.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiException;
import dev.apierrors.BadRequestException;
import dev.apierrors.ConflictException;
import dev.apierrors.IdempotencyStore;
import dev.apierrors.IdempotencyStore.Completed;
import dev.apierrors.IdempotencyStore.Entry;
import dev.apierrors.IdempotencyStore.Reserved;
import dev.apierrors.IdempotencyStore.StoredResponse;
import dev.apierrors.idempotency.IdempotencyKeys;
import dev.apierrors.servlet.idempotency.IdempotencyPolicies.Policy;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Applies the {@code Idempotency-Key} rules to the {@code POST} and {@code PATCH} requests of idempotent handlers,
 * where both the handler and the authenticated principal are known: a first request with a key is executed and
 * its response captured, a retry gets that response replayed, and every refusal is an {@link ApiException} that
 * api-errors answers with the uniform body.
 *
 * <p>It runs after the application's own interceptors, so that a request they turn away does not use up its key.
 */
public final class IdempotencyInterceptor implements HandlerInterceptor {

	/** Order of the interceptor among those registered with Spring MVC: the last. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	/** The header that marks a replayed response, as Stripe names it. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Log logger = LogFactory.getLog(IdempotencyInterceptor.class);

	private final IdempotencyStore store;

	private final IdempotencyPolicies policies;

	private final Duration lease;

	private final Duration inProgressRetryAfter;

	private final long maxBodySize;

	private final String requestIdHeader;

	/**
	 * Create the interceptor.
	 * @param store where keys and responses are kept
	 * @param policies which requests take keys
	 * @param lease how long a key stays reserved when its first request never ends (a crashed instance)
	 * @param inProgressRetryAfter the {@code Retry-After} of a retry that arrives while the first request runs
	 * @param maxBodySize the largest body a request with a key may have
	 * @param requestIdHeader the request id header, which a replay keeps for the retry's own id
	 */
	public IdempotencyInterceptor(IdempotencyStore store, IdempotencyPolicies policies, Duration lease,
			Duration inProgressRetryAfter, long maxBodySize, String requestIdHeader) {
		this.store = store;
		this.policies = policies;
		this.lease = lease;
		this.inProgressRetryAfter = inProgressRetryAfter;
		this.maxBodySize = maxBodySize;
		this.requestIdHeader = requestIdHeader;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !IdempotencyFilter.takesKeys(request)) {
			return true;
		}
		Policy policy = this.policies.find(handler, request);
		if (policy == null) {
			return true;
		}
		List<String> values = Collections.list(request.getHeaders(IdempotencyKeys.HEADER));
		if (values.isEmpty()) {
			if (policy.required()) {
				throw new BadRequestException("idempotency_key_required",
						"This request needs an Idempotency-Key header, so that a retry cannot execute it twice.");
			}
			return true;
		}
		String key = IdempotencyKeys.parse(values);
		CapturingResponse capture = WebUtils.getNativeResponse(response, CapturingResponse.class);
		if (capture == null) {
			throw new IllegalStateException("Idempotency-Key requests need the IdempotencyFilter in front of them");
		}
		if (capture.isCapturing()) {
			// A second DispatcherServlet on the way of a request that is already executed under its key.
			return true;
		}
		String fingerprint = RequestFingerprints.of(request, this.maxBodySize);
		Principal principal = request.getUserPrincipal();
		String scoped = IdempotencyKeys.scoped((principal != null) ? principal.getName() : null, key);
		Entry entry;
		try {
			entry = this.store.reserve(scoped, fingerprint, this.lease);
		}
		catch (RuntimeException ex) {
			// Without the store nobody can tell a retry from a first request: executing could execute twice.
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "idempotency_store_unavailable",
					"Idempotency keys cannot be checked right now; retry later with the same key.", ex);
		}
		if (entry instanceof Reserved reserved) {
			capture.capture(new IdempotentExecution(this.store, reserved, policy.expiry()));
			return true;
		}
		if (!entry.fingerprint().equals(fingerprint)) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
					"This Idempotency-Key was already used for a different request; use a new key for a new request.");
		}
		if (entry instanceof Completed completed) {
			if (logger.isDebugEnabled()) {
				logger.debug("Replaying the response to idempotency key " + scoped);
			}
			replay(completed.response(), response);
			return false;
		}
		throw new ConflictException("idempotency_key_in_use",
				"A request with this Idempotency-Key is still being processed; retry after it completes.")
			.withRetryAfter(this.inProgressRetryAfter);
	}

	/**
	 * Write a stored response: its status, its headers unless this request already has them (its own request id,
	 * CORS headers), the replay marker, and its body, in which an error body's {@code request_id} becomes this
	 * request's.
	 */
	private void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
		response.setStatus(stored.status());
		stored.headers().forEach((name, values) -> {
			if (!name.equalsIgnoreCase(this.requestIdHeader) && !response.containsHeader(name)) {
				values.forEach((value) -> response.addHeader(name, value));
			}
		});
		response.setHeader(REPLAYED_HEADER, "true");
		byte[] body = stored.body();
		if (stored.status() >= 400) {
			body = withRequestId(body, stored.headers().getFirst(this.requestIdHeader),
					response.getHeader(this.requestIdHeader));
		}
		if (body.length > 0) {
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}

	/**
	 * Return an error body whose {@code "request_id":"original"} member names the current request instead, so
	 * that the body and the request id header agree as on every error response.
	 */
	static byte[] withRequestId(byte[] body, @Nullable String original, @Nullable String current) {
		if (original == null || current == null || original.equals(current) || !isPlain(current)) {
			return body;
		}
		byte[] needle = member(original);
		int at = indexOf(body, needle);
		if (at < 0) {
			return body;
		}
		byte[] replacement = member(current);
		byte[] result = new byte[body.length - needle.length + replacement.length];
		System.arraycopy(body, 0, result, 0, at);
		System.arraycopy(replacement, 0, result, at, replacement.length);
		System.arraycopy(body, at + needle.length, result, at + replacement.length, body.length - at - needle.length);
		return result;
	}

	private static byte[] member(String requestId) {
		return ("\"request_id\":\"" + requestId + "\"").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return whether an id is written into JSON as it is: the characters api-errors accepts in request ids.
	 */
	private static boolean isPlain(String id) {
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "._~:@+=/-".indexOf(c) >= 0)) {
				return false;
			}
		}
		return !id.isEmpty();
	}

	private static int indexOf(byte[] body, byte[] needle) {
		outer: for (int i = 0; i <= body.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (body[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
