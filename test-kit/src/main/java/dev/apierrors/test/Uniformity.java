package dev.apierrors.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

/**
 * The rules every api-errors response keeps, checked all at once so that a failure lists every broken rule.
 */
final class Uniformity {

	/** A stable snake_case error code. */
	static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

	/** The longest error code. */
	static final int CODE_MAX_LENGTH = 64;

	static final String NOSNIFF_HEADER = "X-Content-Type-Options";

	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,18}");

	private final ResponseSnapshot response;

	private final JsonBody body;

	private final String requestIdHeader;

	private final Set<String> allowedMembers;

	private final List<String> violations = new ArrayList<>();

	Uniformity(ResponseSnapshot response, JsonBody body, String requestIdHeader, Set<String> allowedMembers) {
		this.response = response;
		this.body = body;
		this.requestIdHeader = requestIdHeader;
		this.allowedMembers = allowedMembers;
	}

	/**
	 * Return the format the response announces, or {@code null} when its {@code Content-Type} is neither's.
	 */
	@Nullable WireFormat format() {
		return WireFormat.of(this.response.headers().getFirst(HttpHeaders.CONTENT_TYPE));
	}

	/**
	 * Check every rule.
	 * @return a short sentence per broken rule, empty when the response is uniform
	 */
	List<String> violations() {
		this.violations.clear();
		int status = this.response.status();
		if (status < 400 || status > 599) {
			broken("status %d is not an error status (4xx or 5xx)", status);
		}
		WireFormat format = format();
		String contentType = this.response.headers().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType == null) {
			broken("no Content-Type header");
		}
		else if (format == null) {
			broken("Content-Type %s is neither application/json nor application/problem+json", contentType);
		}
		ObjectNode json = this.body.object();
		if (json == null) {
			broken(this.body.problem());
		}
		else if (format != null) {
			checkMembers(format, json);
			checkValues(format, json);
		}
		checkRequestId(json);
		checkNoStore();
		checkNosniff();
		checkRetryAfter(json);
		checkChallenge();
		if (status == 405 && this.response.headerValues(HttpHeaders.ALLOW).isEmpty()) {
			broken("a 405 without an Allow header");
		}
		return List.copyOf(this.violations);
	}

	private void checkMembers(WireFormat format, ObjectNode json) {
		List<String> names = JsonBody.memberNames(json);
		List<String> leading = format.leadingMembers();
		List<String> start = names.subList(0, Math.min(names.size(), leading.size()));
		if (!start.equals(leading)) {
			String hint = "";
			if (startsLike(names, format.other())) {
				hint = String.format(" (a body in %s sent as %s?)", format.other().description(), format.contentType());
			}
			broken("members start with %s instead of %s%s", start, leading, hint);
		}
		Set<String> unexpected = new LinkedHashSet<>();
		for (String name : names) {
			if (!leading.contains(name) && !WireFormat.OPTIONAL_MEMBERS.contains(name)
					&& !this.allowedMembers.contains(name)) {
				unexpected.add(name);
			}
		}
		if (!unexpected.isEmpty()) {
			broken("unexpected member%s %s (declare what your own ApiErrorCustomizer adds with allowingMembers(...))",
					(unexpected.size() > 1) ? "s" : "", unexpected);
		}
	}

	private static boolean startsLike(List<String> names, WireFormat format) {
		return names.size() >= 2 && names.subList(0, 2).equals(format.leadingMembers().subList(0, 2));
	}

	private void checkValues(WireFormat format, ObjectNode json) {
		JsonNode code = json.get("error");
		if (code != null) {
			if (!code.isString()) {
				broken("error is not a string: %s", code);
			}
			else if (!CODE.matcher(code.stringValue()).matches()) {
				broken("error %s is not a snake_case code (%s)", Text.quote(code.stringValue()), CODE.pattern());
			}
			else if (code.stringValue().length() > CODE_MAX_LENGTH) {
				broken("error %s is longer than %d characters", Text.quote(code.stringValue()), CODE_MAX_LENGTH);
			}
		}
		nonBlankString(json, format.messageMember());
		nonBlankString(json, "request_id");
		JsonNode fields = json.get("fields");
		if (fields != null) {
			if (!fields.isObject()) {
				broken("fields is not an object: %s", fields);
			}
			else {
				for (Map.Entry<String, JsonNode> field : fields.properties()) {
					if (!field.getValue().isString()) {
						broken("fields.%s is not a string: %s", field.getKey(), field.getValue());
					}
				}
			}
		}
		JsonNode retryAfter = json.get("retry_after");
		if (retryAfter != null && (!retryAfter.isIntegralNumber() || !retryAfter.canConvertToLong()
				|| retryAfter.longValue() <= 0)) {
			broken("retry_after %s is not a positive whole number of seconds", retryAfter);
		}
		if (format == WireFormat.PROBLEM_DETAILS) {
			nonBlankString(json, "type");
			nonBlankString(json, "title");
			nonBlankString(json, "instance");
			JsonNode status = json.get("status");
			if (status != null && (!status.isIntegralNumber() || !status.canConvertToInt()
					|| status.intValue() != this.response.status())) {
				broken("status member %s differs from the HTTP status %d", status, this.response.status());
			}
		}
	}

	private void nonBlankString(ObjectNode json, String name) {
		JsonNode value = json.get(name);
		if (value != null && (!value.isString() || value.stringValue().isBlank())) {
			broken("%s is not a non-blank string: %s", name, value);
		}
	}

	private void checkRequestId(@Nullable ObjectNode json) {
		List<String> ids = this.response.headerValues(this.requestIdHeader);
		if (ids.isEmpty()) {
			broken("no %s header", this.requestIdHeader);
			return;
		}
		if (ids.size() > 1) {
			broken("%d %s headers %s instead of one", ids.size(), this.requestIdHeader, ids);
			return;
		}
		JsonNode bodyId = (json != null) ? json.get("request_id") : null;
		if (bodyId != null && bodyId.isString() && !bodyId.stringValue().equals(ids.get(0))) {
			broken("%s %s differs from request_id %s", this.requestIdHeader, Text.quote(ids.get(0)),
					Text.quote(bodyId.stringValue()));
		}
	}

	private void checkNoStore() {
		List<String> values = this.response.headerValues(HttpHeaders.CACHE_CONTROL);
		if (values.isEmpty()) {
			broken("no Cache-Control: no-store");
			return;
		}
		for (String value : values) {
			for (String directive : value.split(",")) {
				if (directive.trim().toLowerCase(Locale.ROOT).equals("no-store")) {
					return;
				}
			}
		}
		broken("Cache-Control %s lacks no-store", values);
	}

	private void checkNosniff() {
		List<String> values = this.response.headerValues(NOSNIFF_HEADER);
		if (values.isEmpty()) {
			broken("no %s: nosniff", NOSNIFF_HEADER);
		}
		else if (values.size() > 1 || !values.get(0).trim().equalsIgnoreCase("nosniff")) {
			broken("%s is %s, not nosniff", NOSNIFF_HEADER, values);
		}
	}

	private void checkRetryAfter(@Nullable ObjectNode json) {
		int status = this.response.status();
		List<String> values = this.response.headerValues(HttpHeaders.RETRY_AFTER);
		JsonNode member = (json != null) ? json.get("retry_after") : null;
		if (values.isEmpty()) {
			if (status == 429 || status == 503) {
				broken("a %d without a Retry-After header", status);
			}
			if (member != null) {
				broken("retry_after %s without a Retry-After header", member);
			}
			return;
		}
		if (values.size() > 1) {
			broken("%d Retry-After headers %s instead of one", values.size(), values);
			return;
		}
		String value = values.get(0).trim();
		if (!SECONDS.matcher(value).matches() || Long.parseLong(value) == 0) {
			broken("Retry-After %s is not a positive number of seconds", Text.quote(value));
			return;
		}
		if (json == null) {
			return;
		}
		if (member == null) {
			broken("Retry-After %s without a retry_after member", value);
		}
		else if (!member.isIntegralNumber() || !member.canConvertToLong()
				|| member.longValue() != Long.parseLong(value)) {
			broken("Retry-After %s differs from retry_after %s", value, member);
		}
	}

	private void checkChallenge() {
		List<String> values = this.response.headerValues(HttpHeaders.WWW_AUTHENTICATE);
		if (values.isEmpty()) {
			if (this.response.status() == 401) {
				broken("a 401 without a WWW-Authenticate challenge");
			}
			return;
		}
		try {
			if (Challenges.parse(values).isEmpty()) {
				broken("WWW-Authenticate %s holds no challenge", values);
			}
		}
		catch (IllegalArgumentException ex) {
			broken("WWW-Authenticate cannot be read: %s", ex.getMessage());
		}
	}

	private void broken(String rule, Object... arguments) {
		this.violations.add((arguments.length > 0) ? String.format(rule, arguments) : rule);
	}

}
