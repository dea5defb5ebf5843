package dev.apierrors.core.body;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;

/**
 * Encodes an error body in the configured wire format, as UTF-8 bytes: {@code error}, {@code message} and
 * {@code request_id} (or problem details' {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, {@code error}, {@code request_id}), then {@code doc_url} when configured, {@code fields},
 * {@code retry_after} and the members customizers added. The parts that depend only on the status or the code,
 * such as catalog messages, titles and {@code type} values, are encoded once and reused.
 */
public final class ErrorBodyEncoder {

	private static final int MAX_CACHED_CODES = 1024;

	private final ApiErrorFormat format;

	private final @Nullable String typeBase;

	private final boolean docUrl;

	private final ErrorCatalog catalog;

	private final String contentType;

	/** Per status: the encoded start of a body whose code and message are the status's defaults. */
	private final String[] defaultHeads = new String[ErrorCatalog.MAX - ErrorCatalog.MIN + 1];

	private final Map<String, String> typesByCode = new ConcurrentHashMap<>();

	/**
	 * Create an encoder.
	 * @param format the wire format
	 * @param typeBase the URI the documentation of each code starts with (the code is appended), used for
	 * problem-details {@code type} and the simple format's {@code doc_url}; {@code null} for none
	 * @param docUrl whether the simple format carries {@code doc_url} (needs a type base)
	 * @param catalog the catalog whose default messages and titles are encoded ahead
	 */
	public ErrorBodyEncoder(ApiErrorFormat format, @Nullable String typeBase, boolean docUrl, ErrorCatalog catalog) {
		this.format = format;
		this.typeBase = typeBase;
		this.docUrl = docUrl && typeBase != null && format == ApiErrorFormat.SIMPLE;
		this.catalog = catalog;
		this.contentType = (format == ApiErrorFormat.PROBLEM_DETAILS) ? "application/problem+json;charset=UTF-8"
				: "application/json;charset=UTF-8";
		for (int status = ErrorCatalog.MIN; status <= ErrorCatalog.MAX; status++) {
			StringBuilder head = new StringBuilder(160);
			head(head, status, this.catalog.code(status), this.catalog.message(status));
			this.defaultHeads[status - ErrorCatalog.MIN] = head.toString();
		}
	}

	/**
	 * Return the content type of the bodies.
	 * @return {@code application/json} or {@code application/problem+json}, with the UTF-8 charset
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * Return the documentation link of a code.
	 * @param code the code
	 * @return the type base followed by the code, or {@code null} when no type base is configured
	 */
	public @Nullable String documentation(String code) {
		return (this.typeBase != null) ? this.typeBase + code : null;
	}

	/**
	 * Encode the body of an error.
	 * @param error the error, prepared with its request id and retry delay
	 * @param path the path the client asked for, sent as problem details' {@code instance}
	 * @return the UTF-8 bytes
	 */
	public byte[] encode(ResolvedError error, String path) {
		StringBuilder out = new StringBuilder(256);
		int status = error.getStatus();
		boolean defaults = error.hasDefaultMessage() && ErrorCatalog.isError(status)
				&& error.getCode().equals(this.catalog.code(status));
		if (defaults) {
			out.append(this.defaultHeads[status - ErrorCatalog.MIN]);
		}
		else {
			head(out, status, error.getCode(), error.getMessage());
		}
		if (this.format == ApiErrorFormat.PROBLEM_DETAILS) {
			out.append(",\"instance\":");
			Json.string(out, path);
			out.append(",\"error\":");
			Json.string(out, error.getCode());
		}
		out.append(",\"request_id\":");
		Json.string(out, error.getRequestId());
		if (this.docUrl) {
			out.append(",\"doc_url\":").append(type(error.getCode()));
		}
		if (!error.getFields().isEmpty()) {
			out.append(",\"fields\":");
			Json.value(out, error.getFields());
		}
		if (error.getRetryAfterSeconds() >= 0) {
			out.append(",\"retry_after\":").append(error.getRetryAfterSeconds());
		}
		for (Map.Entry<String, @Nullable Object> member : error.getMembers().entrySet()) {
			Json.member(out, member.getKey());
			Json.value(out, member.getValue());
		}
		out.append('}');
		return Json.utf8(out);
	}

	private void head(StringBuilder out, int status, String code, String message) {
		if (this.format == ApiErrorFormat.PROBLEM_DETAILS) {
			out.append("{\"type\":").append(type(code));
			out.append(",\"title\":");
			Json.string(out, this.catalog.title(status));
			out.append(",\"status\":").append(status);
			out.append(",\"detail\":");
			Json.string(out, message);
		}
		else {
			out.append("{\"error\":");
			Json.string(out, code);
			out.append(",\"message\":");
			Json.string(out, message);
		}
	}

	/**
	 * Return the encoded JSON string of a code's {@code type}.
	 */
	private String type(String code) {
		String type = this.typesByCode.get(code);
		if (type == null) {
			StringBuilder encoded = new StringBuilder(64);
			Json.string(encoded, (this.typeBase != null) ? this.typeBase + code : "about:blank");
			type = encoded.toString();
			if (this.typesByCode.size() < MAX_CACHED_CODES) {
				this.typesByCode.put(code, type);
			}
		}
		return type;
	}

	/**
	 * Return an encoded body as ASCII text, with every other character written as a JSON {@code \\uXXXX}
	 * escape, for a response whose writer was already opened with an unknown character encoding.
	 * @param body the UTF-8 body
	 * @return the same JSON in ASCII
	 */
	public static String toAscii(byte[] body) {
		String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				if (out == null) {
					out = new StringBuilder(text.length() + 32).append(text, 0, i);
				}
				Json.unicode(out, c);
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : text;
	}

}
