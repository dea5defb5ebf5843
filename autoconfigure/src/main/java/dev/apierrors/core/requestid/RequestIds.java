package dev.apierrors.core.requestid;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiRequestId;
import dev.apierrors.RequestIdGenerator;
import dev.apierrors.core.SafeText;

/**
 * The rules of request ids: an incoming id is honoured only when it is a single value of 1 to 128 characters from
 * {@code A-Z a-z 0-9 . _ ~ : @ + = / -}; otherwise the request gets a new one, and so does a request whose
 * generator returns an invalid id.
 */
public final class RequestIds {

	/** MDC key under which the id is logged. */
	public static final String MDC_KEY = ApiRequestId.MDC_KEY;

	/** Request or exchange attribute that holds the id for every dispatch of the request. */
	public static final String ATTRIBUTE = ApiRequestId.ATTRIBUTE;

	private static final int MAX_LENGTH = 128;

	private static final boolean[] ALLOWED = new boolean[128];

	/** Headers that carry trace context; using one of them as the request id header would break tracing. */
	private static final Set<String> TRACING_HEADERS = Set.of("traceparent", "tracestate", "baggage", "b3",
			"x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "uber-trace-id");

	static {
		for (char c = 'A'; c <= 'Z'; c++) {
			ALLOWED[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			ALLOWED[c] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			ALLOWED[c] = true;
		}
		for (char c : "._~:@+=/-".toCharArray()) {
			ALLOWED[c] = true;
		}
	}

	private final String header;

	private final RequestIdGenerator generator;

	/**
	 * Create the rules for the given header and generator.
	 * @param header the request id header name: an HTTP token that is not a tracing header
	 * @param generator where new ids come from
	 * @throws IllegalArgumentException if the header name is not a token or names a tracing header
	 */
	public RequestIds(String header, RequestIdGenerator generator) {
		this.header = checkHeaderName(header);
		this.generator = generator;
	}

	/**
	 * Check a request id header name.
	 * @param header the name
	 * @return the name
	 * @throws IllegalArgumentException if it is not a token or names a tracing header
	 */
	public static String checkHeaderName(String header) {
		if (!SafeText.isToken(header)) {
			throw new IllegalArgumentException("The request id header name must be an HTTP token, got '" + header + "'");
		}
		if (TRACING_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException(
					"The request id header must not be a tracing header, which it would overwrite: " + header);
		}
		return header;
	}

	/**
	 * Return the name of the header ids are read from and written to.
	 * @return the header name
	 */
	public String header() {
		return this.header;
	}

	/**
	 * Return the id of a request: its incoming id when that is the only value of the header and valid, otherwise
	 * a new one.
	 * @param incoming the first value of the header, or {@code null}
	 * @param moreValues whether the header has more than one value
	 * @return the id
	 */
	public String idFor(@Nullable String incoming, boolean moreValues) {
		if (!moreValues && isValid(incoming)) {
			return incoming;
		}
		return newId();
	}

	/**
	 * Return a new id from the generator, or a random one when it returns an invalid id or fails.
	 * @return the id
	 */
	public String newId() {
		String id;
		try {
			id = this.generator.generate();
		}
		catch (RuntimeException ex) {
			return RandomRequestIdGenerator.INSTANCE.generate();
		}
		// The built-in generator's ids are valid by construction; any other generator's are checked.
		return (this.generator == RandomRequestIdGenerator.INSTANCE || isValid(id)) ? id
				: RandomRequestIdGenerator.INSTANCE.generate();
	}

	/**
	 * Return whether a value may be used as a request id.
	 * @param value the value
	 * @return whether it is 1 to 128 allowed characters
	 */
	public static boolean isValid(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 128 || !ALLOWED[c]) {
				return false;
			}
		}
		return true;
	}

}
