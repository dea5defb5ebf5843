package dev.apierrors.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.apierrors.UpstreamErrorException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClient;

/**
 * Decodes the error responses of {@code RestClient} calls into {@link UpstreamErrorException}s. An interceptor
 * reads the body of an error response with a JSON content type (at most
 * {@value UpstreamErrorDecoder#MAX_BODY} bytes) and keeps it readable again; a status handler then claims only the
 * responses that were decoded, so every other response reaches the next status handler and Spring's own default
 * one exactly as it was. Status handlers given to {@code retrieve().onStatus(...)} run first;
 * {@code exchange(...)} is not affected; a request whose {@link UpstreamErrorException#DECODE_ATTRIBUTE} attribute
 * is {@code false} is not decoded.
 */
public final class RestClientErrorDecoding implements ClientHttpRequestInterceptor, ResponseErrorHandler {

	private final UpstreamErrorDecoder decoder;

	/**
	 * Create the decoding.
	 * @param decoder the decoder of error bodies
	 */
	public RestClientErrorDecoding(UpstreamErrorDecoder decoder) {
		this.decoder = decoder;
	}

	/**
	 * Apply the decoding to a builder: as an interceptor and as a default status handler.
	 * @param builder the builder
	 */
	public void applyTo(RestClient.Builder builder) {
		builder.requestInterceptor(this).defaultStatusHandler(this);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		if (response instanceof DecodedResponse || CurrentRequestId.decodingSwitchedOff(request.getAttributes())) {
			return response;
		}
		HttpStatusCode status = response.getStatusCode();
		HttpHeaders headers = response.getHeaders();
		if (!this.decoder.isCandidate(status, headers)) {
			return response;
		}
		InputStream stream = response.getBody();
		byte[] prefix = stream.readNBytes(UpstreamErrorDecoder.MAX_BODY + 1);
		if (prefix.length > UpstreamErrorDecoder.MAX_BODY) {
			return new DecodedResponse(response, prefix, stream, null);
		}
		UpstreamErrorException decoded = this.decoder.decode(request.getMethod(), request.getURI(), status, headers,
				prefix);
		return new DecodedResponse(response, prefix, null, decoded);
	}

	@Override
	public boolean hasError(ClientHttpResponse response) {
		return decodedOf(response) != null;
	}

	@Override
	public void handleError(URI url, HttpMethod method, ClientHttpResponse response) {
		UpstreamErrorException decoded = decodedOf(response);
		if (decoded != null) {
			throw decoded;
		}
	}

	private static @Nullable UpstreamErrorException decodedOf(ClientHttpResponse response) {
		return (response instanceof DecodedResponse decoded) ? decoded.decoded : null;
	}

	/**
	 * An error response whose body was read: it can be read again (from the start, when it was read whole), and it
	 * carries the exception it decoded to.
	 */
	private static final class DecodedResponse implements ClientHttpResponse {

		private final ClientHttpResponse delegate;

		private final byte[] prefix;

		private @Nullable InputStream rest;

		private @Nullable InputStream joined;

		private final @Nullable UpstreamErrorException decoded;

		DecodedResponse(ClientHttpResponse delegate, byte[] prefix, @Nullable InputStream rest,
				@Nullable UpstreamErrorException decoded) {
			this.delegate = delegate;
			this.prefix = prefix;
			this.rest = rest;
			this.decoded = decoded;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public InputStream getBody() {
			if (this.rest == null) {
				return new ByteArrayInputStream(this.prefix);
			}
			if (this.joined == null) {
				this.joined = new SequenceInputStream(new ByteArrayInputStream(this.prefix), this.rest);
			}
			return this.joined;
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
