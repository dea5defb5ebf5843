package dev.apierrors.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Boot's {@code BasicErrorController}: whatever reaches the error path with an error (normally answered
 * earlier by the {@code ErrorBoundaryFilter}, but also a forward to it) gets the uniform body, never the
 * Whitelabel page; a client that asks for the error path itself, as scanners do, gets a plain 404.
 */
@Controller
@RequestMapping("${spring.web.error.path:/error}")
public final class ApiErrorsErrorController implements ErrorController {

	private final ServletErrorWriter writer;

	private final ErrorAttributes errorAttributes;

	/**
	 * Create the controller.
	 * @param writer writes the responses
	 * @param errorAttributes where Boot recorded the exception of the failed dispatch
	 */
	public ApiErrorsErrorController(ServletErrorWriter writer, ErrorAttributes errorAttributes) {
		this.writer = writer;
		this.errorAttributes = errorAttributes;
	}

	/**
	 * Answer the error of the failed dispatch.
	 * @param request the request
	 * @param response the response
	 */
	@RequestMapping
	public void error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(code instanceof Integer status)) {
			this.writer.write(request, response, this.writer.resolver().resolve(404));
			return;
		}
		Throwable exception = this.errorAttributes.getError(new ServletWebRequest(request));
		if (exception == null) {
			exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		}
		this.writer.write(request, response, this.writer.resolver().resolve(status, exception));
	}

}
