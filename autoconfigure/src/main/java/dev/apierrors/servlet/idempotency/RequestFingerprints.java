package dev.apierrors.servlet.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.apierrors.idempotency.RequestFingerprint;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Fingerprints a servlet request: method, path, query and content type, and the body as the application will read
 * it: the raw bytes, or for forms and multipart requests, which the container parses, their fields and files.
 */
final class RequestFingerprints {

	/** Set by Tomcat when it could not parse the parameters of a form, for example one over its size limit. */
	private static final String TOMCAT_PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

	private RequestFingerprints() {
	}

	static String of(HttpServletRequest request, long maxBodySize) throws IOException {
		String contentType = request.getContentType();
		MediaType mediaType = mediaType(contentType);
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			// The boundary is chosen anew by many clients for each attempt: only the parts count.
			RequestFingerprint fingerprint = start(request, MediaType.MULTIPART_FORM_DATA_VALUE);
			parameters(fingerprint, request.getParameterMap());
			for (Map.Entry<String, List<MultipartFile>> files : new TreeMap<>(multipart.getMultiFileMap()).entrySet()) {
				for (MultipartFile file : files.getValue()) {
					fingerprint.bodyField(files.getKey());
					fingerprint.bodyField(String.valueOf(file.getOriginalFilename()));
					fingerprint.bodyField(String.valueOf(file.getContentType()));
					fingerprint.bodyField(Long.toString(file.getSize()));
					try (InputStream content = file.getInputStream()) {
						content(fingerprint, content);
					}
				}
			}
			return fingerprint.build();
		}
		RequestFingerprint fingerprint = start(request, contentType);
		if (mediaType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(mediaType)) {
			// The container (or Boot's FormContentFilter) reads a form into parameters, maybe before any filter.
			if (request.getAttribute(TOMCAT_PARSE_FAILED) != null) {
				throw CachedBodyRequest.tooLarge(maxBodySize);
			}
			parameters(fingerprint, request.getParameterMap());
			return fingerprint.build();
		}
		CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
		if (cached == null) {
			throw new IllegalStateException("Idempotency-Key requests need the IdempotencyFilter in front of them");
		}
		byte[] body = cached.body(maxBodySize);
		return fingerprint.body(body, 0, body.length).build();
	}

	private static RequestFingerprint start(HttpServletRequest request, @Nullable String contentType) {
		return RequestFingerprint.of(request.getMethod(), request.getRequestURI(), request.getQueryString(),
				contentType);
	}

	private static void parameters(RequestFingerprint fingerprint, Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : new TreeMap<>(parameters).entrySet()) {
			fingerprint.bodyField(parameter.getKey());
			fingerprint.bodyField(Integer.toString(parameter.getValue().length));
			for (String value : parameter.getValue()) {
				fingerprint.bodyField(value);
			}
		}
	}

	private static void content(RequestFingerprint fingerprint, InputStream content) throws IOException {
		byte[] buffer = new byte[8192];
		int read;
		while ((read = content.read(buffer)) != -1) {
			fingerprint.body(buffer, 0, read);
		}
	}

	private static @Nullable MediaType mediaType(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
