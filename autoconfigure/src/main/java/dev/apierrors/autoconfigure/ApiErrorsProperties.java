package dev.apierrors.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.http.ConfiguredRateLimitHeaders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

/**
 * Configuration properties of api-errors, under {@code api.errors}.
 */
@ConfigurationProperties("api.errors")
public class ApiErrorsProperties {

	/**
	 * Create an instance with the defaults.
	 */
	public ApiErrorsProperties() {
	}

	/**
	 * Whether api-errors answers the application's errors.
	 */
	private boolean enabled = true;

	/**
	 * Wire format of error bodies: "simple" JSON or RFC 9457 "problem-details".
	 */
	private ApiErrorFormat format = ApiErrorFormat.SIMPLE;

	/**
	 * Absolute URI of the documentation of error codes, followed by the code (a "/" is added unless it ends with
	 * "/", "#", "=" or ":"): the problem-details "type", the simple format's "doc_url" when enabled, and the
	 * catalog's links; "about:blank" types when unset.
	 */
	private @Nullable String typeBase;

	/**
	 * Whether simple-format bodies carry "doc_url", the documentation link of their code (needs type-base).
	 */
	private boolean docUrl;

	/**
	 * Whether errors api-errors knows (typed exceptions, mappings, framework 4xx) are answered before the
	 * application's catch-all exception handlers can turn them into 500s.
	 */
	private boolean answerBeforeCatchAll = true;

	/**
	 * Client messages by status (400 to 599) that replace the built-in defaults, such as 404: "No such thing.".
	 */
	private Map<Integer, String> messages = new LinkedHashMap<>();

	/**
	 * Exceptions mapped to a status and code, for classes the application cannot annotate; subclasses are
	 * mapped too and the nearest mapped class wins.
	 */
	private List<Mapping> mappings = new ArrayList<>();

	private final RequestId requestId = new RequestId();

	private final RetryAfter retryAfter = new RetryAfter();

	private final Authentication authentication = new Authentication();

	private final Logging logging = new Logging();

	private final Validation validation = new Validation();

	private final RateLimit rateLimit = new RateLimit();

	private final StaticResources staticResources = new StaticResources();

	/**
	 * {@return whether api-errors answers the application's errors}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether api-errors answers the application's errors.
	 * @param enabled the new value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * {@return the wire format of error bodies: "simple" JSON or RFC 9457 "problem-details"}
	 */
	public ApiErrorFormat getFormat() {
		return this.format;
	}

	/**
	 * Set the wire format of error bodies: "simple" JSON or RFC 9457 "problem-details".
	 * @param format the new value
	 */
	public void setFormat(ApiErrorFormat format) {
		this.format = format;
	}

	/**
	 * {@return the absolute URI of the documentation of error codes, followed by the code (a "/" is added unless it
	 * ends with "/", "#", "=" or ":"): the problem-details "type", the simple format's "doc_url" when enabled, and the
	 * catalog's links; "about:blank" types when unset}
	 */
	public @Nullable String getTypeBase() {
		return this.typeBase;
	}

	/**
	 * Set the absolute URI of the documentation of error codes, followed by the code (a "/" is added unless it ends
	 * with "/", "#", "=" or ":"): the problem-details "type", the simple format's "doc_url" when enabled, and the
	 * catalog's links; "about:blank" types when unset.
	 * @param typeBase the new value
	 */
	public void setTypeBase(@Nullable String typeBase) {
		this.typeBase = typeBase;
	}

	/**
	 * {@return whether simple-format bodies carry "doc_url", the documentation link of their code (needs type-base)}
	 */
	public boolean isDocUrl() {
		return this.docUrl;
	}

	/**
	 * Set whether simple-format bodies carry "doc_url", the documentation link of their code (needs type-base).
	 * @param docUrl the new value
	 */
	public void setDocUrl(boolean docUrl) {
		this.docUrl = docUrl;
	}

	/**
	 * {@return whether errors api-errors knows (typed exceptions, mappings, framework 4xx) are answered before the
	 * application's catch-all exception handlers can turn them into 500s}
	 */
	public boolean isAnswerBeforeCatchAll() {
		return this.answerBeforeCatchAll;
	}

	/**
	 * Set whether errors api-errors knows (typed exceptions, mappings, framework 4xx) are answered before the
	 * application's catch-all exception handlers can turn them into 500s.
	 * @param answerBeforeCatchAll the new value
	 */
	public void setAnswerBeforeCatchAll(boolean answerBeforeCatchAll) {
		this.answerBeforeCatchAll = answerBeforeCatchAll;
	}

	/**
	 * {@return the client messages by status (400 to 599) that replace the built-in defaults, such as 404: "No such
	 * thing."}
	 */
	public Map<Integer, String> getMessages() {
		return this.messages;
	}

	/**
	 * Set the client messages by status (400 to 599) that replace the built-in defaults, such as 404: "No such thing.".
	 * @param messages the new value
	 */
	public void setMessages(Map<Integer, String> messages) {
		this.messages = messages;
	}

	/**
	 * {@return the exceptions mapped to a status and code, for classes the application cannot annotate; subclasses are
	 * mapped too and the nearest mapped class wins}
	 */
	public List<Mapping> getMappings() {
		return this.mappings;
	}

	/**
	 * Set the exceptions mapped to a status and code, for classes the application cannot annotate; subclasses are
	 * mapped too and the nearest mapped class wins.
	 * @param mappings the new value
	 */
	public void setMappings(List<Mapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * {@return the request id settings}
	 */
	public RequestId getRequestId() {
		return this.requestId;
	}

	/**
	 * {@return the Retry-After settings}
	 */
	public RetryAfter getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * {@return the WWW-Authenticate settings}
	 */
	public Authentication getAuthentication() {
		return this.authentication;
	}

	/**
	 * {@return the logging settings}
	 */
	public Logging getLogging() {
		return this.logging;
	}

	/**
	 * {@return the validation settings}
	 */
	public Validation getValidation() {
		return this.validation;
	}

	/**
	 * {@return the Rate-limit header settings}
	 */
	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * {@return the static resource settings}
	 */
	public StaticResources getStaticResources() {
		return this.staticResources;
	}

	/**
	 * One exception class mapped to a status and code.
	 */
	public static class Mapping {

		/**
		 * Create an instance with the defaults.
		 */
		public Mapping() {
		}

		/**
		 * Fully qualified name of the exception class; subclasses are mapped too.
		 */
		private @Nullable String exception;

		/**
		 * HTTP status to answer with, from 400 to 599.
		 */
		private int status;

		/**
		 * Stable snake_case error code; the status's default code when unset.
		 */
		private @Nullable String code;

		/**
		 * Client message; the status's default message when unset.
		 */
		private @Nullable String message;

		/**
		 * {@return the fully qualified name of the exception class; subclasses are mapped too}
		 */
		public @Nullable String getException() {
			return this.exception;
		}

		/**
		 * Set the fully qualified name of the exception class; subclasses are mapped too.
		 * @param exception the new value
		 */
		public void setException(@Nullable String exception) {
			this.exception = exception;
		}

		/**
		 * {@return the HTTP status to answer with, from 400 to 599}
		 */
		public int getStatus() {
			return this.status;
		}

		/**
		 * Set the HTTP status to answer with, from 400 to 599.
		 * @param status the new value
		 */
		public void setStatus(int status) {
			this.status = status;
		}

		/**
		 * {@return the stable snake_case error code; the status's default code when unset}
		 */
		public @Nullable String getCode() {
			return this.code;
		}

		/**
		 * Set the stable snake_case error code; the status's default code when unset.
		 * @param code the new value
		 */
		public void setCode(@Nullable String code) {
			this.code = code;
		}

		/**
		 * {@return the client message; the status's default message when unset}
		 */
		public @Nullable String getMessage() {
			return this.message;
		}

		/**
		 * Set the client message; the status's default message when unset.
		 * @param message the new value
		 */
		public void setMessage(@Nullable String message) {
			this.message = message;
		}

	}

	/**
	 * Request id settings.
	 */
	public static class RequestId {

		/**
		 * Create an instance with the defaults.
		 */
		public RequestId() {
		}

		/**
		 * Name of the header the request id is read from and written to.
		 */
		private String header = "X-Request-Id";

		/**
		 * Where the id of a request that arrives without a valid one comes from.
		 */
		private Source source = Source.RANDOM;

		/**
		 * {@return the name of the header the request id is read from and written to}
		 */
		public String getHeader() {
			return this.header;
		}

		/**
		 * Set the name of the header the request id is read from and written to.
		 * @param header the new value
		 */
		public void setHeader(String header) {
			this.header = header;
		}

		/**
		 * {@return where the id of a request that arrives without a valid one comes from}
		 */
		public Source getSource() {
			return this.source;
		}

		/**
		 * Set where the id of a request that arrives without a valid one comes from.
		 * @param source the new value
		 */
		public void setSource(Source source) {
			this.source = source;
		}

		/**
		 * Sources of new request ids.
		 */
		public enum Source {

			/**
			 * 128 random bits, base64url encoded.
			 */
			RANDOM,

			/**
			 * The trace id of the current Micrometer Tracing span, or a random id when there is none.
			 */
			TRACE_ID

		}

	}

	/**
	 * Retry-After settings.
	 */
	public static class RetryAfter {

		/**
		 * Create an instance with the defaults.
		 */
		public RetryAfter() {
		}

		/**
		 * Delay sent with a 429 that does not name one.
		 */
		private Duration tooManyRequests = Duration.ofSeconds(60);

		/**
		 * Delay sent with a 503 that does not name one.
		 */
		private Duration serviceUnavailable = Duration.ofSeconds(30);

		/**
		 * Largest delay ever sent; longer requested delays are cut to it.
		 */
		private Duration max = Duration.ofDays(1);

		/**
		 * {@return the delay sent with a 429 that does not name one}
		 */
		public Duration getTooManyRequests() {
			return this.tooManyRequests;
		}

		/**
		 * Set the delay sent with a 429 that does not name one.
		 * @param tooManyRequests the new value
		 */
		public void setTooManyRequests(Duration tooManyRequests) {
			this.tooManyRequests = tooManyRequests;
		}

		/**
		 * {@return the delay sent with a 503 that does not name one}
		 */
		public Duration getServiceUnavailable() {
			return this.serviceUnavailable;
		}

		/**
		 * Set the delay sent with a 503 that does not name one.
		 * @param serviceUnavailable the new value
		 */
		public void setServiceUnavailable(Duration serviceUnavailable) {
			this.serviceUnavailable = serviceUnavailable;
		}

		/**
		 * {@return the largest delay ever sent; longer requested delays are cut to it}
		 */
		public Duration getMax() {
			return this.max;
		}

		/**
		 * Set the largest delay ever sent; longer requested delays are cut to it.
		 * @param max the new value
		 */
		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * WWW-Authenticate settings.
	 */
	public static class Authentication {

		/**
		 * Create an instance with the defaults.
		 */
		public Authentication() {
		}

		/**
		 * Authentication scheme of the challenge sent with a 401.
		 */
		private String scheme = "Bearer";

		/**
		 * Realm of the challenge sent with a 401; none when empty.
		 */
		private String realm = "api";

		/**
		 * Status of a request Spring Security finds unauthenticated: 401, or 403 as Spring Security answers
		 * without a login mechanism, for clients that still expect it.
		 */
		private int unauthenticatedStatus = 401;

		/**
		 * {@return the authentication scheme of the challenge sent with a 401}
		 */
		public String getScheme() {
			return this.scheme;
		}

		/**
		 * Set the authentication scheme of the challenge sent with a 401.
		 * @param scheme the new value
		 */
		public void setScheme(String scheme) {
			this.scheme = scheme;
		}

		/**
		 * {@return the realm of the challenge sent with a 401; none when empty}
		 */
		public String getRealm() {
			return this.realm;
		}

		/**
		 * Set the realm of the challenge sent with a 401; none when empty.
		 * @param realm the new value
		 */
		public void setRealm(String realm) {
			this.realm = realm;
		}

		/**
		 * {@return the status of a request Spring Security finds unauthenticated: 401, or 403 as Spring Security
		 * answers without a login mechanism, for clients that still expect it}
		 */
		public int getUnauthenticatedStatus() {
			return this.unauthenticatedStatus;
		}

		/**
		 * Set the status of a request Spring Security finds unauthenticated: 401, or 403 as Spring Security answers
		 * without a login mechanism, for clients that still expect it.
		 * @param unauthenticatedStatus the new value
		 */
		public void setUnauthenticatedStatus(int unauthenticatedStatus) {
			this.unauthenticatedStatus = unauthenticatedStatus;
		}

	}

	/**
	 * Logging settings.
	 */
	public static class Logging {

		/**
		 * Create an instance with the defaults.
		 */
		public Logging() {
		}

		/**
		 * Log level by status ("404") or status class ("4xx"); the exact status wins and "off" logs nothing.
		 */
		private Map<String, LogLevel> levels = new LinkedHashMap<>(
				Map.of("5xx", LogLevel.ERROR, "4xx", LogLevel.DEBUG, "401", LogLevel.INFO, "403", LogLevel.INFO,
						"429", LogLevel.INFO));

		/**
		 * Whether stack traces are logged, by status class ("4xx", "5xx") or status ("404"); the exact status
		 * wins.
		 */
		private Map<String, Boolean> stackTraces = new LinkedHashMap<>(Map.of("4xx", false, "5xx", true));

		/**
		 * {@return the log level by status ("404") or status class ("4xx"); the exact status wins and "off" logs
		 * nothing}
		 */
		public Map<String, LogLevel> getLevels() {
			return this.levels;
		}

		/**
		 * Set the log level by status ("404") or status class ("4xx"); the exact status wins and "off" logs nothing.
		 * @param levels the new value
		 */
		public void setLevels(Map<String, LogLevel> levels) {
			this.levels = levels;
		}

		/**
		 * {@return whether stack traces are logged, by status class ("4xx", "5xx") or status ("404"); the exact status
		 * wins}
		 */
		public Map<String, Boolean> getStackTraces() {
			return this.stackTraces;
		}

		/**
		 * Set whether stack traces are logged, by status class ("4xx", "5xx") or status ("404"); the exact status wins.
		 * @param stackTraces the new value
		 */
		public void setStackTraces(Map<String, Boolean> stackTraces) {
			this.stackTraces = stackTraces;
		}

	}

	/**
	 * Validation settings.
	 */
	public static class Validation {

		/**
		 * Create an instance with the defaults.
		 */
		public Validation() {
		}

		/**
		 * Status of a failed bean validation (validation_failed): 422, or 400 as Spring answers, for clients that
		 * still expect it.
		 */
		private int status = 422;

		/**
		 * {@return the status of a failed bean validation (validation_failed): 422, or 400 as Spring answers, for
		 * clients that still expect it}
		 */
		public int getStatus() {
			return this.status;
		}

		/**
		 * Set the status of a failed bean validation (validation_failed): 422, or 400 as Spring answers, for clients
		 * that still expect it.
		 * @param status the new value
		 */
		public void setStatus(int status) {
			this.status = status;
		}

	}

	/**
	 * Rate-limit header settings.
	 */
	public static class RateLimit {

		/**
		 * Create an instance with the defaults.
		 */
		public RateLimit() {
		}

		/**
		 * Shape of the rate-limit headers of a 429 that carries a rate limit, and of those RateLimitHeaders writes:
		 * the IETF "RateLimit" and "RateLimit-Policy" fields, the common "X-RateLimit-*" headers, or none.
		 */
		private ConfiguredRateLimitHeaders.Shape headers = ConfiguredRateLimitHeaders.Shape.IETF;

		/**
		 * {@return the shape of the rate-limit headers of a 429 that carries a rate limit, and of those
		 * RateLimitHeaders writes: the IETF "RateLimit" and "RateLimit-Policy" fields, the common "X-RateLimit-*"
		 * headers, or none}
		 */
		public ConfiguredRateLimitHeaders.Shape getHeaders() {
			return this.headers;
		}

		/**
		 * Set the shape of the rate-limit headers of a 429 that carries a rate limit, and of those RateLimitHeaders
		 * writes: the IETF "RateLimit" and "RateLimit-Policy" fields, the common "X-RateLimit-*" headers, or none.
		 * @param headers the new value
		 */
		public void setHeaders(ConfiguredRateLimitHeaders.Shape headers) {
			this.headers = headers;
		}

	}

	/**
	 * Static resource settings (Spring MVC).
	 */
	public static class StaticResources {

		/**
		 * Whether Spring MVC's static resource handlers answer a path that no jar of the application holds without
		 * asking the class loader, from an index of the jars read once; class path directories are still looked at.
		 */
		private boolean index = true;

		/**
		 * Create the static resource settings with their defaults.
		 */
		public StaticResources() {
		}

		/**
		 * {@return whether static resource handlers answer a path that no jar holds from an index read once}
		 */
		public boolean isIndex() {
			return this.index;
		}

		/**
		 * Set whether static resource handlers answer a path that no jar holds from an index read once.
		 * @param index whether to use the index
		 */
		public void setIndex(boolean index) {
			this.index = index;
		}

	}

}
