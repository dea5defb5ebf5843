package dev.apierrors.core.render;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * A complete error response, ready for a web adapter to write: the status, the headers to set (replacing earlier
 * values), the headers set earlier to remove, and the body.
 *
 * @param status the HTTP status
 * @param headers the headers to set, the content type among them
 * @param removedHeaders the names of headers set earlier that the error response drops
 * @param body the body bytes; a {@code HEAD} response sends none but keeps their length
 */
public record RenderedError(int status, HttpHeaders headers, List<String> removedHeaders, byte[] body) {
}
