package dev.apierrors.it.headers;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.apierrors.it.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header contract of an error response: status, the request id in exactly one header value and equal to the
 * body's, {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff}, {@code Retry-After} equal to
 * {@code retry_after} on 429 and 503, and a challenge on 401.
 */
final class HeaderContract {

	/** What a generated id looks like: 128 bits, base64url without padding. */
	static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

	private static final Set<String> MEMBERS = Set.of("error", "message", "request_id", "fields", "retry_after");

	private HeaderContract() {
	}

	static JsonNode assertErrorContract(Http.Response response, String idHeader, int status, String code) {
		assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode json = response.json();
		assertThat(MEMBERS).containsAll(json.propertyNames());
		assertThat(json.get("error").asString()).isEqualTo(code);
		List<String> ids = response.headerValues(idHeader);
		assertThat(ids).hasSize(1);
		assertThat(json.get("request_id").asString()).isEqualTo(ids.get(0));
		assertThat(response.headerValues("Cache-Control")).containsExactly("no-store");
		assertThat(response.headerValues("X-Content-Type-Options")).containsExactly("nosniff");
		if (status == 429 || status == 503) {
			List<String> retryAfter = response.headerValues("Retry-After");
			assertThat(retryAfter).hasSize(1);
			assertThat(retryAfter.get(0)).matches("[1-9][0-9]*");
			assertThat(json.get("retry_after").asLong()).isEqualTo(Long.parseLong(retryAfter.get(0)));
		}
		else {
			assertThat(json.has("retry_after")).isFalse();
		}
		if (status == 401) {
			assertThat(response.headerValues("WWW-Authenticate")).hasSize(1);
		}
		return json;
	}

	static void assertGenerated(String id) {
		assertThat(id).matches(GENERATED_ID);
		assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
	}

}
