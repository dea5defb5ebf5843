package dev.apierrors.client;

import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apierrors.UpstreamErrorException;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Decodes the error responses of {@code WebClient} calls made with {@code retrieve()} into
 * {@link UpstreamErrorException}s, signalled as the error of the {@code Mono} or {@code Flux}: a default status
 * handler reads the body of an error response with a JSON content type and decodes it; any other response gets
 * exactly the exception Spring's own default handler creates ({@code ClientResponse.createException()}, from the
 * same body). Status handlers given to {@code retrieve().onStatus(...)} run first; {@code exchangeToMono(...)} is
 * not affected; a request whose {@link UpstreamErrorException#DECODE_ATTRIBUTE} attribute is {@code false} is not
 * decoded.
 */
public final class WebClientErrorDecoding {

	/** One instance, so that applying the decoding twice to a builder registers it once. */
	private static final Predicate<HttpStatusCode> ERROR_STATUS = HttpStatusCode::isError;

	private final UpstreamErrorDecoder decoder;

	/**
	 * Create the decoding.
	 * @param decoder the decoder of error bodies
	 */
	public WebClientErrorDecoding(UpstreamErrorDecoder decoder) {
		this.decoder = decoder;
	}

	/**
	 * Apply the decoding to a builder, as a default status handler.
	 * @param builder the builder
	 */
	public void applyTo(WebClient.Builder builder) {
		builder.defaultStatusHandler(ERROR_STATUS, this::exceptionFor);
	}

	Mono<? extends Throwable> exceptionFor(ClientResponse response) {
		HttpRequest request = response.request();
		HttpStatusCode status = response.statusCode();
		HttpHeaders headers = response.headers().asHttpHeaders();
		if (CurrentRequestId.decodingSwitchedOff(request.getAttributes()) || !this.decoder.isCandidate(status, headers)) {
			return response.createException();
		}
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap((body) -> {
			UpstreamErrorException decoded = this.decoder.decode(request.getMethod(), request.getURI(), status,
					headers, body);
			if (decoded != null) {
				return Mono.just(decoded);
			}
			return response.mutate()
				.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)))
				.build()
				.createException();
		});
	}

}
