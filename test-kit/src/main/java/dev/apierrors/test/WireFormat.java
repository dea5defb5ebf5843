package dev.apierrors.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two wire formats of an api-errors body, told apart by the {@code Content-Type}, with the members each one
 * starts with.
 */
enum WireFormat {

	/** {@code application/json}: {@code error}, {@code message}, {@code request_id}. */
	SIMPLE("the simple format", MediaType.APPLICATION_JSON, "message",
			List.of("error", "message", "request_id")),

	/** RFC 9457 {@code application/problem+json}: the standard members, then {@code error}, {@code request_id}. */
	PROBLEM_DETAILS("problem details", MediaType.APPLICATION_PROBLEM_JSON, "detail",
			List.of("type", "title", "status", "detail", "instance", "error", "request_id"));

	/** Members that either format may add after the leading ones. */
	static final List<String> OPTIONAL_MEMBERS = List.of("fields", "retry_after");

	private final String description;

	private final MediaType contentType;

	private final String messageMember;

	private final List<String> leadingMembers;

	WireFormat(String description, MediaType contentType, String messageMember, List<String> leadingMembers) {
		this.description = description;
		this.contentType = contentType;
		this.messageMember = messageMember;
		this.leadingMembers = leadingMembers;
	}

	/**
	 * Return the format a {@code Content-Type} value announces, or {@code null} for any other or no value.
	 */
	static @Nullable WireFormat of(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			for (WireFormat format : values()) {
				if (format.contentType.equalsTypeAndSubtype(type)) {
					return format;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// Neither format.
		}
		return null;
	}

	String description() {
		return this.description;
	}

	String contentType() {
		return this.contentType.toString();
	}

	String messageMember() {
		return this.messageMember;
	}

	List<String> leadingMembers() {
		return this.leadingMembers;
	}

	/**
	 * Return the other format.
	 */
	WireFormat other() {
		return (this == SIMPLE) ? PROBLEM_DETAILS : SIMPLE;
	}

}
