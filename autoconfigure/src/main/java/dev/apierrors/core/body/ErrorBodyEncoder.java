package dev.apierrors.core.body;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import dev.apierrors.ApiErrorFormat;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;

/**
 * Encodes an error body in the configured wire format, as UTF-8 bytes, with Jackson's streaming generator:
 * {@code error}, {@code message} and {@code request_id} (or problem details' {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, {@code error}, {@code request_id}), then {@code doc_url} when
 * configured, {@code fields}, {@code retry_after} and the members customizers added. Given the application's
 * {@link JsonMapper}, members are serialised the way that mapper serialises them; without one, strings,
 * numbers, booleans, maps and collections are written as JSON and any other value as its {@code toString()}.
 * Either way {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are escaped too, so a body is never read as
 * markup or script, and a surrogate that is not half of a pair is written as U+FFFD.
 */
public final class ErrorBodyEncoder {

	private static final Log logger = LogFactory.getLog(ErrorBodyEncoder.class);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final SerializableString ERROR = new SerializedString("error");

	private static final SerializableString MESSAGE = new SerializedString("message");

	private static final SerializableString REQUEST_ID = new SerializedString("request_id");

	private static final SerializableString TYPE = new SerializedString("type");

	private static final SerializableString TITLE = new SerializedString("title");

	private static final SerializableString STATUS = new SerializedString("status");

	private static final SerializableString DETAIL = new SerializedString("detail");

	private static final SerializableString INSTANCE = new SerializedString("instance");

	private static final SerializableString DOC_URL = new SerializedString("doc_url");

	private static final SerializableString FIELDS = new SerializedString("fields");

	private static final SerializableString RETRY_AFTER = new SerializedString("retry_after");

	private final ApiErrorFormat format;

	private final @Nullable String typeBase;

	private final boolean docUrl;

	private final ErrorCatalog catalog;

	private final String contentType;

	private final BodyGenerators generators;

	private final AtomicBoolean memberFailureLogged = new AtomicBoolean();

	/**
	 * Create an encoder that writes members without the application's mapper.
	 * @param format the wire format
	 * @param typeBase the URI the documentation of each code starts with (the code is appended), used for
	 * problem-details {@code type} and the simple format's {@code doc_url}; {@code null} for none
	 * @param docUrl whether the simple format carries {@code doc_url} (needs a type base)
	 * @param catalog the catalog whose titles problem details carry
	 */
	public ErrorBodyEncoder(ApiErrorFormat format, @Nullable String typeBase, boolean docUrl, ErrorCatalog catalog) {
		this(format, typeBase, docUrl, catalog, null);
	}

	/**
	 * Create an encoder.
	 * @param format the wire format
	 * @param typeBase the URI the documentation of each code starts with (the code is appended), used for
	 * problem-details {@code type} and the simple format's {@code doc_url}; {@code null} for none
	 * @param docUrl whether the simple format carries {@code doc_url} (needs a type base)
	 * @param catalog the catalog whose titles problem details carry
	 * @param mapper the application's mapper, which serialises the members customizers add; {@code null} to
	 * write them without one
	 */
	public ErrorBodyEncoder(ApiErrorFormat format, @Nullable String typeBase, boolean docUrl, ErrorCatalog catalog,
			@Nullable JsonMapper mapper) {
		this.format = format;
		this.typeBase = typeBase;
		this.docUrl = docUrl && typeBase != null && format == ApiErrorFormat.SIMPLE;
		this.catalog = catalog;
		this.contentType = (format == ApiErrorFormat.PROBLEM_DETAILS) ? "application/problem+json;charset=UTF-8"
				: "application/json;charset=UTF-8";
		this.generators = (mapper != null) ? new MapperGenerators(mapper) : BodyGenerators.PLAIN;
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
	 * Encode the body of an error. A member the application's mapper fails to serialise does not fail the
	 * error: the body is then written again without the mapper, and the failure logged.
	 * @param error the error, prepared with its request id and retry delay
	 * @param path the path the client asked for, sent as problem details' {@code instance}
	 * @return the UTF-8 bytes
	 */
	public byte[] encode(ResolvedError error, String path) {
		if (this.generators != BodyGenerators.PLAIN && !error.getMembers().isEmpty()) {
			try {
				return encode(error, path, this.generators);
			}
			catch (RuntimeException ex) {
				logMemberFailure(error, ex);
			}
		}
		return encode(error, path, BodyGenerators.PLAIN);
	}

	private byte[] encode(ResolvedError error, String path, BodyGenerators generators) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = new WellFormedGenerator(generators.create(out))) {
			generator.writeStartObject();
			int status = error.getStatus();
			String code = error.getCode();
			if (this.format == ApiErrorFormat.PROBLEM_DETAILS) {
				generator.writeName(TYPE);
				generator.writeString((this.typeBase != null) ? this.typeBase + code : "about:blank");
				generator.writeName(TITLE);
				generator.writeString(this.catalog.title(status));
				generator.writeName(STATUS);
				generator.writeNumber(status);
				generator.writeName(DETAIL);
				generator.writeString(error.getMessage());
				generator.writeName(INSTANCE);
				generator.writeString(path);
				generator.writeName(ERROR);
				generator.writeString(code);
			}
			else {
				generator.writeName(ERROR);
				generator.writeString(code);
				generator.writeName(MESSAGE);
				generator.writeString(error.getMessage());
			}
			generator.writeName(REQUEST_ID);
			generator.writeString(error.getRequestId());
			if (this.docUrl) {
				generator.writeName(DOC_URL);
				generator.writeString(this.typeBase + code);
			}
			if (!error.getFields().isEmpty()) {
				generator.writeName(FIELDS);
				generator.writeStartObject();
				for (Map.Entry<String, String> field : error.getFields().entrySet()) {
					generator.writeName(field.getKey());
					generator.writeString(field.getValue());
				}
				generator.writeEndObject();
			}
			if (error.getRetryAfterSeconds() >= 0) {
				generator.writeName(RETRY_AFTER);
				generator.writeNumber(error.getRetryAfterSeconds());
			}
			for (Map.Entry<String, @Nullable Object> member : error.getMembers().entrySet()) {
				generator.writeName(member.getKey());
				generators.writeMember(generator, member.getValue());
			}
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	private void logMemberFailure(ResolvedError error, RuntimeException ex) {
		String message = "A member of the body of error '" + error.getCode()
				+ "' could not be serialised by the application's JsonMapper; the body was written without it, "
				+ "with such members as their toString()";
		if (this.memberFailureLogged.compareAndSet(false, true)) {
			logger.warn(message + " (logged once; later failures at DEBUG)", ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message, ex);
		}
	}

	/**
	 * Return an encoded body as ASCII text, with every other character written as a JSON {@code \\uXXXX}
	 * escape, for a response whose writer was already opened with an unknown character encoding. Characters
	 * outside ASCII only occur inside JSON strings, where such an escape means the same character.
	 * @param body the UTF-8 body
	 * @return the same JSON in ASCII
	 */
	public static String toAscii(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x80) {
				if (out == null) {
					out = new StringBuilder(text.length() + 32).append(text, 0, i);
				}
				out.append("\\u")
					.append(HEX[(c >> 12) & 0xF])
					.append(HEX[(c >> 8) & 0xF])
					.append(HEX[(c >> 4) & 0xF])
					.append(HEX[c & 0xF]);
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return (out != null) ? out.toString() : text;
	}

}
