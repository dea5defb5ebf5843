package dev.apierrors.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClientResponseException;

/**
 * Snapshots of the responses that need nothing beyond the JDK and spring-web.
 */
final class Snapshots {

	private Snapshots() {
	}

	static ResponseSnapshot of(HttpResponse<?> response) {
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		return ResponseSnapshot.of(response.statusCode(), headers, bytes(response.body(), "HttpResponse"))
			.forRequest(response.request().method(), response.uri().toString());
	}

	static ResponseSnapshot of(ResponseEntity<?> entity) {
		return ResponseSnapshot.of(entity.getStatusCode().value(), entity.getHeaders(),
				bytes(entity.getBody(), "ResponseEntity"));
	}

	static ResponseSnapshot of(RestClientResponseException exception) {
		HttpHeaders headers = exception.getResponseHeaders();
		return ResponseSnapshot.of(exception.getStatusCode().value(), (headers != null) ? headers : new HttpHeaders(),
				exception.getResponseBodyAsByteArray());
	}

	private static byte[] bytes(@Nullable Object body, String source) {
		if (body == null) {
			return new byte[0];
		}
		if (body instanceof byte[] bytes) {
			return bytes;
		}
		if (body instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new IllegalArgumentException("Cannot read an error body from a " + source + " whose body is a "
				+ body.getClass().getName() + ": read the body as a String or a byte[]");
	}

}
