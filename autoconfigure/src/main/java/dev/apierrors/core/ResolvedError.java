package dev.apierrors.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorDetails;
import dev.apierrors.RateLimit;

import org.springframework.http.HttpHeaders;

/**
 * An exception or status resolved to the error that answers it: what the client is told (status, code, message,
 * fields, the exception's headers, a requested delay) and what only the server log is told (the exception, the
 * real status of a concealed error, a detail); the view {@link dev.apierrors.ApiErrorCustomizer customizers} get.
 */
public final class ResolvedError implements ApiErrorDetails {

	private static final @Nullable Object[] NO_ARGUMENTS = {};

	private final int status;

	private final String code;

	private String message;

	private boolean defaultMessage;

	private final Map<String, String> fields;

	private final HttpHeaders headers;

	private final @Nullable Duration retryAfter;

	private final @Nullable RateLimit rateLimit;

	private final @Nullable Throwable exception;

	private final @Nullable Throwable decisive;

	private @Nullable CauseChain chain;

	private final boolean unexpected;

	private final boolean handedBack;

	private final int logStatus;

	private final @Nullable String logDetail;

	private final @Nullable Object[] messageArguments;

	private String requestId = "";

	private long retryAfterSeconds = -1;

	private Set<String> reservedHeaders = Set.of();

	private @Nullable Map<String, @Nullable Object> members;

	private @Nullable Map<String, @Nullable Object> membersView;

	private @Nullable HttpHeaders addedHeaders;

	private @Nullable HttpHeaders addedHeadersView;

	private ResolvedError(Builder builder) {
		this.status = builder.status;
		this.code = builder.code;
		this.message = builder.message;
		this.defaultMessage = builder.defaultMessage;
		this.fields = builder.fields;
		this.headers = builder.headers;
		this.retryAfter = builder.retryAfter;
		this.rateLimit = builder.rateLimit;
		this.exception = builder.exception;
		this.decisive = (builder.decisive != null) ? builder.decisive : builder.exception;
		this.chain = builder.chain;
		this.unexpected = builder.unexpected;
		this.handedBack = builder.handedBack;
		this.logStatus = (builder.logStatus != 0) ? builder.logStatus : builder.status;
		this.logDetail = builder.logDetail;
		this.messageArguments = builder.messageArguments;
	}

	/**
	 * Start an error with the given status, code and client message.
	 * @param status the HTTP status, from 400 to 599
	 * @param code the stable snake_case code
	 * @param message the client message
	 * @return a builder
	 */
	public static Builder builder(int status, String code, String message) {
		return new Builder(status, code, message);
	}

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public String getCode() {
		return this.code;
	}

	@Override
	public String getMessage() {
		return this.message;
	}

	@Override
	public void setMessage(String message) {
		if (message == null || message.isBlank()) {
			throw new IllegalArgumentException("A client message must not be blank");
		}
		this.message = message;
		this.defaultMessage = false;
	}

	/**
	 * Return whether the message is still the catalog's default message for the status.
	 * @return whether the message is the default one
	 */
	public boolean hasDefaultMessage() {
		return this.defaultMessage;
	}

	@Override
	public String getRequestId() {
		return this.requestId;
	}

	@Override
	public Map<String, String> getFields() {
		return this.fields;
	}

	@Override
	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * Return the delay the exception asked for.
	 * @return the delay, or {@code null} when it asked for none
	 */
	public @Nullable Duration getRequestedRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Return the state of the rate limit the client ran into.
	 * @return the rate limit, or {@code null}
	 */
	public @Nullable RateLimit getRateLimit() {
		return this.rateLimit;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public @Nullable Throwable getException() {
		return this.exception;
	}

	/**
	 * Return the exception of the cause chain that decided the answer: the exception itself, or the cause a rule
	 * matched when the exception only wrapped it.
	 * @return the deciding exception, or {@code null} for an error with only a status
	 */
	public @Nullable Throwable getDecisiveException() {
		return this.decisive;
	}

	/**
	 * Return the cause chain of the exception, walked once.
	 * @return the chain, or {@code null} for an error with only a status
	 */
	public @Nullable CauseChain getCauseChain() {
		if (this.chain == null && this.exception != null) {
			this.chain = CauseChain.of(this.exception);
		}
		return this.chain;
	}

	/**
	 * Return whether no rule matched the exception, so that it is answered with the generic 500.
	 * @return whether the error is unexpected
	 */
	public boolean isUnexpected() {
		return this.unexpected;
	}

	/**
	 * Return whether the exception carries a status that is no error (1xx to 3xx), which the framework answers
	 * itself.
	 * @return whether the error is handed back
	 */
	public boolean isHandedBack() {
		return this.handedBack;
	}

	/**
	 * Return the status the error is logged with: the real status of a concealed error, otherwise the status.
	 * @return the status for the log
	 */
	public int getLogStatus() {
		return this.logStatus;
	}

	/**
	 * Return what the log says beyond the client message, such as the real reason of a concealed error.
	 * @return the detail, or {@code null}
	 */
	public @Nullable String getLogDetail() {
		return this.logDetail;
	}

	/**
	 * Return the values a localised message can refer to as {@code {0}}, {@code {1}} and so on.
	 * @return the arguments, empty when there are none; not to be modified
	 */
	public @Nullable Object[] getMessageArguments() {
		return this.messageArguments;
	}

	/**
	 * Fix what is decided when the error is rendered, before customizers see it.
	 * @param requestId the request id
	 * @param retryAfterSeconds the {@code Retry-After} seconds sent, or {@code -1}
	 * @param reservedHeaders the lower-case names of headers customizers cannot set
	 */
	public void prepare(String requestId, long retryAfterSeconds, Set<String> reservedHeaders) {
		this.requestId = requestId;
		this.retryAfterSeconds = retryAfterSeconds;
		this.reservedHeaders = reservedHeaders;
	}

	@Override
	public void addMember(String name, @Nullable Object value) {
		if (name == null || RESERVED_MEMBERS.contains(name)) {
			throw new IllegalArgumentException("Body member '" + name + "' is reserved");
		}
		if (this.members == null) {
			this.members = new LinkedHashMap<>();
			this.membersView = Collections.unmodifiableMap(this.members);
		}
		this.members.put(name, value);
	}

	@Override
	public Map<String, @Nullable Object> getMembers() {
		return (this.membersView != null) ? this.membersView : Collections.emptyMap();
	}

	@Override
	public void addHeader(String name, String value) {
		if (!SafeText.isToken(name)) {
			throw new IllegalArgumentException("Header name '" + SafeText.escaped(name, 100) + "' is not an HTTP token");
		}
		if (this.reservedHeaders.contains(name.toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("Header '" + name + "' is part of the error contract and is reserved");
		}
		if (value == null || SafeText.hasControl(value)) {
			throw new IllegalArgumentException("The value of header '" + name + "' holds a control character");
		}
		if (this.addedHeaders == null) {
			this.addedHeaders = new HttpHeaders();
			this.addedHeadersView = HttpHeaders.readOnlyHttpHeaders(this.addedHeaders);
		}
		this.addedHeaders.add(name, value);
	}

	@Override
	public HttpHeaders getAddedHeaders() {
		return (this.addedHeadersView != null) ? this.addedHeadersView : HttpHeaders.EMPTY;
	}

	@Override
	public String toString() {
		return this.status + " " + this.code;
	}

	/**
	 * Builds a {@link ResolvedError}.
	 */
	public static final class Builder {

		private final int status;

		private final String code;

		private final String message;

		private boolean defaultMessage;

		private Map<String, String> fields = Collections.emptyMap();

		private HttpHeaders headers = HttpHeaders.EMPTY;

		private @Nullable Duration retryAfter;

		private @Nullable RateLimit rateLimit;

		private @Nullable Throwable exception;

		private @Nullable Throwable decisive;

		private @Nullable CauseChain chain;

		private boolean unexpected;

		private boolean handedBack;

		private int logStatus;

		private @Nullable String logDetail;

		private @Nullable Object[] messageArguments = NO_ARGUMENTS;

		private Builder(int status, String code, String message) {
			this.status = status;
			this.code = code;
			this.message = message;
		}

		/**
		 * Mark the message as the catalog's default for the status.
		 * @return this builder
		 */
		public Builder defaultMessage() {
			this.defaultMessage = true;
			return this;
		}

		/**
		 * Set the per-field messages.
		 * @param fields the read-only messages by field name
		 * @return this builder
		 */
		public Builder fields(Map<String, String> fields) {
			this.fields = fields;
			return this;
		}

		/**
		 * Set the headers that travel with the exception.
		 * @param headers the headers, or {@code null}
		 * @return this builder
		 */
		public Builder headers(@Nullable HttpHeaders headers) {
			this.headers = (headers == null || headers.isEmpty()) ? HttpHeaders.EMPTY
					: HttpHeaders.readOnlyHttpHeaders(headers);
			return this;
		}

		/**
		 * Set the delay the exception asks for.
		 * @param retryAfter the delay, or {@code null}
		 * @return this builder
		 */
		public Builder retryAfter(@Nullable Duration retryAfter) {
			this.retryAfter = retryAfter;
			return this;
		}

		/**
		 * Set the state of the rate limit the client ran into.
		 * @param rateLimit the rate limit, or {@code null}
		 * @return this builder
		 */
		public Builder rateLimit(@Nullable RateLimit rateLimit) {
			this.rateLimit = rateLimit;
			return this;
		}

		/**
		 * Set the exception being answered.
		 * @param exception the exception, or {@code null}
		 * @return this builder
		 */
		public Builder exception(@Nullable Throwable exception) {
			this.exception = exception;
			return this;
		}

		/**
		 * Set the exception of the chain that decided the answer, when it is a cause of the exception.
		 * @param decisive the deciding exception
		 * @return this builder
		 */
		public Builder decisive(@Nullable Throwable decisive) {
			this.decisive = decisive;
			return this;
		}

		/**
		 * Set the cause chain of the exception, when it was walked already.
		 * @param chain the chain, or {@code null}
		 * @return this builder
		 */
		public Builder chain(@Nullable CauseChain chain) {
			this.chain = chain;
			return this;
		}

		/**
		 * Mark the error as an unexpected failure.
		 * @return this builder
		 */
		public Builder unexpected() {
			this.unexpected = true;
			return this;
		}

		/**
		 * Mark the error as one whose status is no error, which the framework answers itself.
		 * @return this builder
		 */
		public Builder handedBack() {
			this.handedBack = true;
			return this;
		}

		/**
		 * Set the real status, logged in place of the status of a concealed error.
		 * @param logStatus the real status
		 * @return this builder
		 */
		public Builder logStatus(int logStatus) {
			this.logStatus = logStatus;
			return this;
		}

		/**
		 * Set what the server log says beyond the client message.
		 * @param logDetail the detail, or {@code null}
		 * @return this builder
		 */
		public Builder logDetail(@Nullable String logDetail) {
			this.logDetail = logDetail;
			return this;
		}

		/**
		 * Set the values a localised message can refer to.
		 * @param arguments the arguments, or {@code null} for none
		 * @return this builder
		 */
		public Builder messageArguments(@Nullable Object @Nullable... arguments) {
			this.messageArguments = (arguments != null && arguments.length > 0) ? arguments.clone() : NO_ARGUMENTS;
			return this;
		}

		/**
		 * Build the error.
		 * @return the error
		 */
		public ResolvedError build() {
			return new ResolvedError(this);
		}

	}

}
