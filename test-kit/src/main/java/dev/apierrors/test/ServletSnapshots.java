package dev.apierrors.test;

import jakarta.servlet.ServletException;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Snapshots of the responses of the servlet-side test clients, kept apart so that only callers of these
 * overloads load the servlet API.
 */
final class ServletSnapshots {

	private ServletSnapshots() {
	}

	static ResponseSnapshot of(MvcTestResult result) {
		Throwable unresolved = result.getUnresolvedException();
		if (unresolved != null) {
			// MockMvc wraps what the handler threw as the DispatcherServlet would.
			if (unresolved instanceof ServletException && unresolved.getCause() != null) {
				unresolved = unresolved.getCause();
			}
			throw new AssertionError("Expected an error response, but the request failed with an exception that no "
					+ "handler resolved: " + unresolved, unresolved);
		}
		MockHttpServletResponse response = result.getResponse();
		HttpHeaders headers = new HttpHeaders();
		for (String name : response.getHeaderNames()) {
			headers.addAll(name, response.getHeaders(name));
		}
		MockHttpServletRequest request = result.getRequest();
		String target = request.getRequestURI();
		if (request.getQueryString() != null) {
			target += "?" + request.getQueryString();
		}
		return ResponseSnapshot.of(response.getStatus(), headers, response.getContentAsByteArray())
			.forRequest(request.getMethod(), target);
	}

	static ResponseSnapshot of(RestTestClient.ResponseSpec spec) {
		return of(spec.expectBody().returnResult());
	}

	static ResponseSnapshot of(ExchangeResult result) {
		return ResponseSnapshot
			.of(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBodyContent())
			.forRequest(result.getMethod().name(), result.getUrl().toString());
	}

}
