package dev.apierrors;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * One error about to be sent, as {@link ApiErrorCustomizer customizers} see it: everything can be read, the client
 * message can be replaced, and body members and response headers can be added.
 */
public interface ApiErrorDetails {

	/** Body members that customizers cannot add or replace. */
	Set<String> RESERVED_MEMBERS = Set.of("error", "message", "request_id", "fields", "retry_after", "doc_url", "type", "title",
			"status", "detail", "instance");

	/**
	 * Return the HTTP status.
	 * @return the status, from 400 to 599
	 */
	int getStatus();

	/**
	 * Return the error code sent as {@code error}.
	 * @return the stable snake_case code
	 */
	String getCode();

	/**
	 * Return the client message sent as {@code message} ({@code detail} in problem details).
	 * @return the message
	 */
	String getMessage();

	/**
	 * Replace the client message, for example with a localised one; it is shown to the client as written.
	 * @param message the new client message, not blank
	 */
	void setMessage(String message);

	/**
	 * Return the request id sent in the body and the request id header.
	 * @return the request id
	 */
	String getRequestId();

	/**
	 * Return the per-field messages sent as {@code fields}.
	 * @return the read-only field messages, empty when there are none
	 */
	Map<String, String> getFields();

	/**
	 * Return the {@code Retry-After} delay sent with the error, in whole seconds.
	 * @return the delay, or {@code -1} when none is sent
	 */
	long getRetryAfterSeconds();

	/**
	 * Return the response headers that travel with the exception itself, such as {@code Allow} on 405.
	 * @return the read-only headers, empty when none
	 */
	HttpHeaders getHeaders();

	/**
	 * Return the exception being answered.
	 * @return the exception, or {@code null} for errors that only have a status ({@code sendError})
	 */
	@Nullable Throwable getException();

	/**
	 * Add a member to the body; the documented members ({@link #RESERVED_MEMBERS}) cannot be added or replaced.
	 * @param name the member name
	 * @param value the value: a string, number, boolean, map, collection or {@code null}
	 * @throws IllegalArgumentException if the name is reserved
	 */
	void addMember(String name, @Nullable Object value);

	/**
	 * Return the members added by customizers, in the order they were added.
	 * @return the read-only added members
	 */
	Map<String, @Nullable Object> getMembers();

	/**
	 * Add a response header; the headers of the contract ({@code Content-Type}, {@code Content-Length}, the request
	 * id header, {@code Retry-After}, {@code Cache-Control}, {@code X-Content-Type-Options}) cannot be set here.
	 * @param name the header name, an HTTP token
	 * @param value the header value, without control characters
	 * @throws IllegalArgumentException if the name is reserved or not a token, or the value holds a control
	 * character
	 */
	void addHeader(String name, String value);

	/**
	 * Return the headers added by customizers.
	 * @return the read-only added headers, empty when none
	 */
	HttpHeaders getAddedHeaders();

}
