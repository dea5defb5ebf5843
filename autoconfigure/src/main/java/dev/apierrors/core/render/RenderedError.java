package dev.apierrors.core.render;

import java.util.List;

import org.springframework.util.MultiValueMap;

/**
 * A complete error response, ready for a web adapter to write: the status, the headers to set (replacing earlier
 * values), the headers set earlier to remove, and the body.
 *
 * @param status the HTTP status
 * @param headers the headers to set, by case-insensitive name in the order to set them, the content type among
 * them, as {@link dev.apierrors.core.http.HeaderPolicy#newHeaders()} creates them: a plain map rather than
 * {@code HttpHeaders}, whose iteration first builds a case-insensitive copy of the names
 * @param removedHeaders the names of headers set earlier that the error response drops
 * @param body the body bytes; a {@code HEAD} response sends none but keeps their length
 */
public record RenderedError(int status, MultiValueMap<String, String> headers, List<String> removedHeaders,
		byte[] body) {
}
