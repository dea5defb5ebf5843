package dev.apierrors.client;

import java.io.IOException;

import dev.apierrors.core.requestid.RequestIds;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Sends the current request's id in the request id header of every {@code RestClient} call, unless the caller
 * set that header itself; outside a request nothing is sent. Tracing headers are left to Micrometer Tracing.
 */
public final class RequestIdInterceptor implements ClientHttpRequestInterceptor {

	private final String header;

	/**
	 * Create an interceptor.
	 * @param requestIds the request id rules, whose header is used
	 */
	public RequestIdInterceptor(RequestIds requestIds) {
		this.header = requestIds.header();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (!request.getHeaders().containsHeader(this.header)) {
			String id = CurrentRequestId.get();
			if (id != null) {
				request.getHeaders().set(this.header, id);
			}
		}
		return execution.execute(request, body);
	}

}
