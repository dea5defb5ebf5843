package dev.apierrors.core.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorCode;

import org.springframework.http.HttpStatus;

/**
 * Every error code the application can answer with, built from the same model the runtime uses: the codes the
 * starter's rules declare, configured mappings, {@code @ApiError} and {@code @ResponseStatus} classes, the
 * application's {@link ApiErrorCode}s and the default code of every registered status.
 *
 * <p>The declarations are collected on first use. An {@link ApiErrorCode} enum first seen on an exception at run
 * time joins the catalog with all its constants; any other code the catalog does not know is logged once at WARN,
 * so that drift between the code and the published catalog shows (it is never an error for the client). When two
 * declarations name the same code, the first one wins: rules and the application before status defaults.
 */
public final class ErrorCodeRegistry {

	private static final Logger logger = LoggerFactory.getLogger(ErrorCodeRegistry.class);

	/** At most this many unknown codes are reported, so that invented codes cannot fill the memory. */
	static final int MAX_REPORTED = 100;

	private static final Map<Integer, String> STATUS_DESCRIPTIONS = Map.ofEntries(
			Map.entry(400, "The request is malformed."),
			Map.entry(401, "The request has no valid credentials; the WWW-Authenticate header says how to authenticate."),
			Map.entry(403, "The caller is authenticated but not allowed to do this."),
			Map.entry(404, "No resource exists at this path, or the caller may not know that it does."),
			Map.entry(405, "The resource does not support the method; the Allow header lists those it supports."),
			Map.entry(406, "None of the media types the Accept header asks for can be produced."),
			Map.entry(409, "The request conflicts with the current state of the resource."),
			Map.entry(410, "The resource existed and was removed for good."),
			Map.entry(413, "The request body is larger than the service accepts."),
			Map.entry(415, "The request's Content-Type is not supported; the Accept header lists those that are."),
			Map.entry(422, "Values of the request failed validation; fields names each invalid one."),
			Map.entry(429, "The caller sent too many requests; retry after the Retry-After delay."),
			Map.entry(500, "The service failed unexpectedly; the request id finds the details in its logs."),
			Map.entry(502, "A service this one depends on failed."),
			Map.entry(503, "The service is temporarily unavailable; retry after the Retry-After delay."),
			Map.entry(504, "A service this one depends on did not answer in time."));

	/** The RFC 6750 error codes, whose challenge the header policy builds for typed exceptions that use them. */
	private static final List<ErrorCodeEntry> BEARER = List.of(
			ErrorCodeEntry.builtIn("invalid_token", 401, "The access token is invalid.",
					"The access token is expired, revoked or malformed (RFC 6750); the challenge repeats the code."),
			ErrorCodeEntry.builtIn("invalid_request", 401, "The request is missing a required credential.",
					"The credentials are sent in a malformed way (RFC 6750); the challenge repeats the code."),
			ErrorCodeEntry.builtIn("insufficient_scope", 403, "The access token lacks the scope this needs.",
					"The access token does not have the scope the operation needs (RFC 6750)."));

	private final ErrorCatalog statuses;

	private final Supplier<List<ErrorCodeEntry>> declarations;

	private volatile @Nullable Map<String, ErrorCodeEntry> entries;

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	private final Set<Class<?>> registeredTypes = ConcurrentHashMap.newKeySet();

	/**
	 * Create a registry.
	 * @param statuses the default codes and messages of the statuses
	 * @param declarations supplies the declared codes, in order of precedence; asked once, on first use
	 */
	public ErrorCodeRegistry(ErrorCatalog statuses, Supplier<List<ErrorCodeEntry>> declarations) {
		this.statuses = statuses;
		this.declarations = declarations;
	}

	/**
	 * Return every code, ordered by status and code.
	 * @return the entries
	 */
	public List<ErrorCodeEntry> entries() {
		List<ErrorCodeEntry> all = new ArrayList<>(entriesByCode().values());
		all.sort(Comparator.comparingInt(ErrorCodeEntry::status).thenComparing(ErrorCodeEntry::code));
		return all;
	}

	/**
	 * Return the entry of a code.
	 * @param code the code
	 * @return the entry, or {@code null} when the catalog does not know the code
	 */
	public @Nullable ErrorCodeEntry find(@Nullable String code) {
		return (code != null) ? entriesByCode().get(code) : null;
	}

	/**
	 * Return whether the catalog knows a code.
	 * @param code the code
	 * @return whether it is known
	 */
	public boolean isKnown(@Nullable String code) {
		return find(code) != null;
	}

	/**
	 * Add a declared code, and every other constant of its enum, unless the catalog knows them already.
	 * @param code the declared code
	 * @param source where it was found
	 */
	public void register(ApiErrorCode code, ErrorCodeEntry.Source source) {
		Class<?> type = code.getClass();
		if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
			Class<?> enumType = type.isEnum() ? type : type.getSuperclass();
			if (this.registeredTypes.add(enumType)) {
				for (Object constant : enumType.getEnumConstants()) {
					add(ErrorCodeEntry.of((ApiErrorCode) constant, source));
				}
			}
		}
		add(ErrorCodeEntry.of(code, source));
	}

	/**
	 * Note a code the application answered with: its declared {@link ApiErrorCode}, when it has one, joins the
	 * catalog; any other unknown code is logged once at WARN.
	 * @param code the code sent to the client
	 * @param status the status sent
	 * @param declared the declared code the exception was created with, or {@code null}
	 */
	public void observe(String code, int status, @Nullable ApiErrorCode declared) {
		if (declared != null && code.equals(declared.code()) && !isKnown(code)) {
			register(declared, ErrorCodeEntry.Source.RUN_TIME);
			return;
		}
		if (isKnown(code) || this.reported.size() >= MAX_REPORTED || !this.reported.add(code)) {
			return;
		}
		logger.warn("The error code '{}' (status {}) is not in the error catalog: declare it with an ApiErrorCode, "
				+ "@ApiError or api.errors.mappings so that clients can find it{}", code, status,
				(this.reported.size() == MAX_REPORTED) ? "; further unknown codes are not reported" : "");
	}

	private void add(ErrorCodeEntry entry) {
		entriesByCode().putIfAbsent(entry.code(), entry);
	}

	private Map<String, ErrorCodeEntry> entriesByCode() {
		Map<String, ErrorCodeEntry> current = this.entries;
		if (current == null) {
			synchronized (this) {
				current = this.entries;
				if (current == null) {
					current = build();
					this.entries = current;
				}
			}
		}
		return current;
	}

	private Map<String, ErrorCodeEntry> build() {
		Map<String, ErrorCodeEntry> built = new ConcurrentHashMap<>();
		for (ErrorCodeEntry entry : this.declarations.get()) {
			ErrorCodeEntry first = built.putIfAbsent(entry.code(), entry);
			if (first != null && first.status() != entry.status()) {
				logger.debug("The error code '{}' is declared with status {} ({}) and {} ({}); the catalog keeps {}",
						entry.code(), first.status(), first.source().displayName(), entry.status(),
						entry.source().displayName(), first.status());
			}
		}
		for (ErrorCodeEntry entry : BEARER) {
			built.putIfAbsent(entry.code(), entry);
		}
		for (HttpStatus status : HttpStatus.values()) {
			int value = status.value();
			if (ErrorCatalog.isError(value)) {
				built.putIfAbsent(this.statuses.code(value), statusEntry(value, status.getReasonPhrase()));
			}
		}
		built.putIfAbsent("client_error", new ErrorCodeEntry("client_error", 499, this.statuses.message(499),
				"A client error status with no registered reason phrase.", ErrorCodeEntry.Source.STATUS));
		built.putIfAbsent("server_error", new ErrorCodeEntry("server_error", 599, this.statuses.message(599),
				"A server error status with no registered reason phrase.", ErrorCodeEntry.Source.STATUS));
		return built;
	}

	private ErrorCodeEntry statusEntry(int status, String reason) {
		String description = STATUS_DESCRIPTIONS.getOrDefault(status, "The default code of " + status + " " + reason
				+ ".");
		return new ErrorCodeEntry(this.statuses.code(status), status, this.statuses.message(status), description,
				ErrorCodeEntry.Source.STATUS);
	}

}
