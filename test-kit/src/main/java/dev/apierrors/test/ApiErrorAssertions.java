package dev.apierrors.test;

import java.net.http.HttpResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.assertj.WebTestClientResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClientResponseException;

/**
 * Entry point of the api-errors assertions: {@code assertThatApiError(response)} for the response of any client a
 * Spring test uses.
 *
 * <pre class="code">
 * assertThatApiError(mvc.get().uri("/api/users/7")).hasStatus(404)
 * 	.hasCode("user_not_found")
 * 	.hasMessageContaining("7")
 * 	.hasRequestIdHeaderMatchingBody()
 * 	.isUniform();
 * </pre>
 *
 * Each overload names its client's types only in its signature: a test that uses one client compiles and runs
 * without the others' stacks (no spring-webflux or Reactor for MockMvc, no servlet API for WebTestClient).
 */
public final class ApiErrorAssertions {

	private ApiErrorAssertions() {
	}

	/**
	 * Assert on the result of a {@link MockMvcTester} exchange.
	 * @param result the result
	 * @return the assertion
	 * @throws AssertionError when the request failed with an exception that no handler resolved
	 */
	public static ApiErrorResponseAssert assertThatApiError(MvcTestResult result) {
		Assert.notNull(result, "'result' must not be null");
		return assertThatApiError(ServletSnapshots.of(result));
	}

	/**
	 * Perform a {@link MockMvcTester} request and assert on its response.
	 * @param request the request, such as {@code mvc.get().uri("/api/users/7")}
	 * @return the assertion
	 * @throws AssertionError when the request failed with an exception that no handler resolved
	 */
	public static ApiErrorResponseAssert assertThatApiError(MockMvcTester.MockMvcRequestBuilder request) {
		Assert.notNull(request, "'request' must not be null");
		return assertThatApiError(request.exchange());
	}

	/**
	 * Perform a multipart {@link MockMvcTester} request and assert on its response.
	 * @param request the request, such as {@code mvc.post().uri("/upload").multipart()}
	 * @return the assertion
	 * @throws AssertionError when the request failed with an exception that no handler resolved
	 */
	public static ApiErrorResponseAssert assertThatApiError(MockMvcTester.MockMultipartMvcRequestBuilder request) {
		Assert.notNull(request, "'request' must not be null");
		return assertThatApiError(request.exchange());
	}

	/**
	 * Assert on the response of a {@link RestTestClient} exchange, reading its body.
	 * @param spec the response of {@code exchange()}
	 * @return the assertion
	 */
	public static ApiErrorResponseAssert assertThatApiError(RestTestClient.ResponseSpec spec) {
		Assert.notNull(spec, "'spec' must not be null");
		return assertThatApiError(ServletSnapshots.of(spec));
	}

	/**
	 * Assert on a {@link RestTestClient} response already wrapped for AssertJ.
	 * @param response the response
	 * @return the assertion
	 */
	public static ApiErrorResponseAssert assertThatApiError(RestTestClientResponse response) {
		Assert.notNull(response, "'response' must not be null");
		return assertThatApiError(ServletSnapshots.of(response.getExchangeResult()));
	}

	/**
	 * Assert on the response of a {@link WebTestClient} exchange, reading its body.
	 * @param spec the response of {@code exchange()}
	 * @return the assertion
	 */
	public static ApiErrorResponseAssert assertThatApiError(WebTestClient.ResponseSpec spec) {
		Assert.notNull(spec, "'spec' must not be null");
		return assertThatApiError(ReactiveSnapshots.of(spec));
	}

	/**
	 * Assert on a {@link WebTestClient} response already wrapped for AssertJ.
	 * @param response the response
	 * @return the assertion
	 */
	public static ApiErrorResponseAssert assertThatApiError(WebTestClientResponse response) {
		Assert.notNull(response, "'response' must not be null");
		return assertThatApiError(ReactiveSnapshots.of(response.getExchangeResult()));
	}

	/**
	 * Assert on a response of the JDK's {@link java.net.http.HttpClient}, read with
	 * {@link HttpResponse.BodyHandlers#ofString()} or {@link HttpResponse.BodyHandlers#ofByteArray()}.
	 * @param response the response
	 * @return the assertion
	 * @throws IllegalArgumentException when the body is neither a {@code String} nor a {@code byte[]}
	 */
	public static ApiErrorResponseAssert assertThatApiError(HttpResponse<?> response) {
		Assert.notNull(response, "'response' must not be null");
		return assertThatApiError(Snapshots.of(response));
	}

	/**
	 * Assert on a {@link ResponseEntity} whose body was read as a {@code String} or a {@code byte[]}, as from a
	 * {@code RestClient} that lets error statuses through or from {@code TestRestTemplate}.
	 * @param entity the response
	 * @return the assertion
	 * @throws IllegalArgumentException when the body is neither a {@code String} nor a {@code byte[]}
	 */
	public static ApiErrorResponseAssert assertThatApiError(ResponseEntity<?> entity) {
		Assert.notNull(entity, "'entity' must not be null");
		return assertThatApiError(Snapshots.of(entity));
	}

	/**
	 * Assert on the error response a {@code RestClient} or {@code RestTemplate} raised as an exception.
	 * @param exception the exception, such as {@code HttpClientErrorException.NotFound}
	 * @return the assertion
	 */
	public static ApiErrorResponseAssert assertThatApiError(RestClientResponseException exception) {
		Assert.notNull(exception, "'exception' must not be null");
		return assertThatApiError(Snapshots.of(exception));
	}

	/**
	 * Assert on a response read by any other client.
	 * @param response the response
	 * @return the assertion
	 */
	public static ApiErrorResponseAssert assertThatApiError(ResponseSnapshot response) {
		Assert.notNull(response, "'response' must not be null");
		return new ApiErrorResponseAssert(response);
	}

}
