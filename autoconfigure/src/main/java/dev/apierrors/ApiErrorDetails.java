package dev.apierrors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * One error about to be sent: its status, code, client message, optional {@code fields} and
 * {@code Retry-After}, and what {@link ApiErrorCustomizer customizers} add to it.
 */
public final class ApiErrorDetails {

	/** Body members that customizers cannot add or replace. */
	public static final Set<String> RESERVED_MEMBERS = Set.of("error", "message", "request_id", "fields",
			"retry_after", "type", "title", "status", "detail", "instance");

	private static final @Nullable Object[] NO_ARGUMENTS = {};

	private final int status;

	private final String code;

	private String message;

	private final Map<String, String> fields;

	private final long retryAfterSeconds;

	private final @Nullable HttpHeaders headers;

	private final @Nullable Throwable exception;

	private final boolean unexpected;

	private final @Nullable String logDetail;

	private final @Nullable Object[] messageArguments;

	private @Nullable Map<String, Object> members;

	private @Nullable HttpHeaders addedHeaders;

	private ApiErrorDetails(Builder builder) {
		this.status = builder.status;
		this.code = builder.code;
		this.message = builder.message;
		this.fields = builder.fields;
		this.retryAfterSeconds = builder.retryAfterSeconds;
		this.headers = builder.headers;
		this.exception = builder.exception;
		this.unexpected = builder.unexpected;
		this.logDetail = builder.logDetail;
		this.messageArguments = builder.messageArguments;
	}

	/**
	 * Start details for the given status, code and client message.
	 * @param status the HTTP status
	 * @param code the stable snake_case error code
	 * @param message the client message
	 * @return a builder
	 */
	public static Builder builder(int status, String code, String message) {
		return new Builder(status, code, message);
	}

	/**
	 * Return the HTTP status.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return the error code sent as {@code error}.
	 * @return the code
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * Return the client message sent as {@code message} ({@code detail} in problem details).
	 * @return the message
	 */
	public String getMessage() {
		return this.message;
	}

	/**
	 * Replace the client message, for example with a localised one.
	 * @param message the new client message
	 */
	public void setMessage(String message) {
		this.message = message;
	}

	/**
	 * Return the per-field messages sent as {@code fields}.
	 * @return the field messages, empty when there are none
	 */
	public Map<String, String> getFields() {
		return this.fields;
	}

	/**
	 * Return the {@code Retry-After} delay in whole seconds.
	 * @return the delay, or {@code -1} when none is sent
	 */
	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * Return the response headers that travel with the error itself, such as {@code Allow} on 405.
	 * @return the headers, empty when none
	 */
	public HttpHeaders getHeaders() {
		return (this.headers != null) ? this.headers : HttpHeaders.EMPTY;
	}

	/**
	 * Return the exception being answered.
	 * @return the exception, or {@code null} for errors that only have a status ({@code sendError})
	 */
	public @Nullable Throwable getException() {
		return this.exception;
	}

	/**
	 * Return whether this is an unexpected failure answered with the generic 500.
	 * @return whether no rule matched the exception
	 */
	public boolean isUnexpected() {
		return this.unexpected;
	}

	/**
	 * Return what the server log says beyond the client message, such as the real reason of a concealed
	 * error.
	 * @return the detail for the log, or {@code null}
	 */
	public @Nullable String getLogDetail() {
		return this.logDetail;
	}

	/**
	 * Return the values a localised message can refer to as {@code {0}}, {@code {1}} and so on, such as the name
	 * of a missing parameter; they are inserted as text, never evaluated.
	 * @return a copy of the arguments, empty when there are none
	 */
	public @Nullable Object[] getMessageArguments() {
		return (this.messageArguments.length > 0) ? this.messageArguments.clone() : this.messageArguments;
	}

	/**
	 * Add a member to the body; documented members such as {@code error} are reserved and rejected.
	 * @param name the member name
	 * @param value the value: a string, number, boolean, map, collection or {@code null}
	 */
	public void addMember(String name, @Nullable Object value) {
		if (RESERVED_MEMBERS.contains(name)) {
			throw new IllegalArgumentException("Body member '" + name + "' is reserved");
		}
		if (this.members == null) {
			this.members = new LinkedHashMap<>();
		}
		this.members.put(name, value);
	}

	/**
	 * Return the members added by customizers, in the order they were added.
	 * @return the added members
	 */
	public Map<String, @Nullable Object> getMembers() {
		return (this.members != null) ? Collections.unmodifiableMap(this.members) : Collections.emptyMap();
	}

	/**
	 * Add a response header to this error response.
	 * @param name the header name
	 * @param value the header value
	 */
	public void addHeader(String name, String value) {
		if (this.addedHeaders == null) {
			this.addedHeaders = new HttpHeaders();
		}
		this.addedHeaders.add(name, value);
	}

	/**
	 * Return the headers added by customizers.
	 * @return the added headers, empty when none
	 */
	public HttpHeaders getAddedHeaders() {
		return (this.addedHeaders != null) ? this.addedHeaders : HttpHeaders.EMPTY;
	}

	@Override
	public String toString() {
		return this.status + " " + this.code;
	}

	/**
	 * Builds {@link ApiErrorDetails}.
	 */
	public static final class Builder {

		private final int status;

		private final String code;

		private final String message;

		private Map<String, String> fields = Collections.emptyMap();

		private long retryAfterSeconds = -1;

		private @Nullable HttpHeaders headers;

		private @Nullable Throwable exception;

		private boolean unexpected;

		private @Nullable String logDetail;

		private @Nullable Object[] messageArguments = NO_ARGUMENTS;

		private Builder(int status, String code, String message) {
			this.status = status;
			this.code = code;
			this.message = message;
		}

		/**
		 * Set the per-field messages.
		 * @param fields the messages by field name
		 * @return this builder
		 */
		public Builder fields(Map<String, String> fields) {
			this.fields = fields;
			return this;
		}

		/**
		 * Set the {@code Retry-After} delay in whole seconds.
		 * @param seconds the delay, or {@code -1} for none
		 * @return this builder
		 */
		public Builder retryAfterSeconds(long seconds) {
			this.retryAfterSeconds = seconds;
			return this;
		}

		/**
		 * Set the headers that travel with the error.
		 * @param headers the headers, or {@code null}
		 * @return this builder
		 */
		public Builder headers(@Nullable HttpHeaders headers) {
			this.headers = headers;
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
		 * Mark the error as an unexpected failure.
		 * @param unexpected whether no rule matched
		 * @return this builder
		 */
		public Builder unexpected(boolean unexpected) {
			this.unexpected = unexpected;
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
		 * Set the values a localised message can refer to as {@code {0}}, {@code {1}} and so on.
		 * @param arguments the arguments, or {@code null} for none
		 * @return this builder
		 */
		public Builder messageArguments(@Nullable Object @Nullable... arguments) {
			this.messageArguments = (arguments != null && arguments.length > 0) ? arguments.clone() : NO_ARGUMENTS;
			return this;
		}

		/**
		 * Build the details.
		 * @return the details
		 */
		public ApiErrorDetails build() {
			return new ApiErrorDetails(this);
		}

	}

}
