package dev.apierrors;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The body of an error response as a client reads it, in either wire format: the {@code error} code, the client
 * message ({@code message}, or {@code detail} in problem details), the request id, the per-field messages and the
 * {@code retry_after} delay.
 *
 * @param code the stable snake_case error code sent as {@code error}
 * @param message the client message
 * @param requestId the request id sent as {@code request_id}, or {@code null} when the body has none
 * @param fields the per-field messages sent as {@code fields}, empty when there are none
 * @param retryAfter the delay sent as {@code retry_after}, or {@code null} when the body has none
 */
public record ApiErrorBody(String code, String message, @Nullable String requestId, Map<String, String> fields,
		@Nullable Duration retryAfter) {

	/**
	 * Create a body, keeping an unmodifiable copy of the field messages.
	 * @param code the stable snake_case error code sent as {@code error}
	 * @param message the client message
	 * @param requestId the request id sent as {@code request_id}, or {@code null} when the body has none
	 * @param fields the per-field messages sent as {@code fields}, {@code null} or empty when there are none
	 * @param retryAfter the delay sent as {@code retry_after}, or {@code null} when the body has none
	 */
	public ApiErrorBody {
		fields = (fields == null || fields.isEmpty()) ? Collections.emptyMap()
				: Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * Read a body from the members of a decoded JSON object, in the simple format ({@code error}, {@code message})
	 * or in problem details ({@code error}, {@code detail}).
	 * @param members the members of the JSON object, as decoded by any JSON library into maps, lists, strings and
	 * numbers
	 * @return the body, or {@code null} when the object has no string {@code error} member or no client message
	 */
	public static @Nullable ApiErrorBody fromJsonMembers(Map<String, ? extends @Nullable Object> members) {
		if (!(members.get("error") instanceof String code)) {
			return null;
		}
		Object text = members.containsKey("message") ? members.get("message") : members.get("detail");
		if (!(text instanceof String message)) {
			return null;
		}
		String requestId = (members.get("request_id") instanceof String id) ? id : null;
		Map<String, String> fields = new LinkedHashMap<>();
		if (members.get("fields") instanceof Map<?, ?> map) {
			map.forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
		}
		Duration retryAfter = (members.get("retry_after") instanceof Number seconds)
				? Duration.ofSeconds(seconds.longValue()) : null;
		return new ApiErrorBody(code, message, requestId, fields, retryAfter);
	}

}
