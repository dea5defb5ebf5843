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
 * Replaces Boot's {@code BasicErrorController}: whatever reaches the error path (normally answered earlier by
 * {@link ErrorResponseFilter}, but also a forward to it) gets the uniform body, never the Whitelabel page.
 */
@Controller
@RequestMapping("${spring.web.error.path:/error}")
public class ApiErrorsErrorController implements ErrorController {

	private final ApiErrorResolver resolver;

	private final ApiErrorRenderer renderer;

	private final ErrorAttributes errorAttributes;

	/**
	 * Create the controller.
	 * @param resolver resolves exceptions and statuses
	 * @param renderer writes the responses
	 * @param errorAttributes where Boot recorded the exception of the failed dispatch
	 */
	public ApiErrorsErrorController(ApiErrorResolver resolver, ApiErrorRenderer renderer,
			ErrorAttributes errorAttributes) {
		this.resolver = resolver;
		this.renderer = renderer;
		this.errorAttributes = errorAttributes;
	}

	/**
	 * Answer the error of the failed dispatch.
	 * @param request the request
	 * @param response the response
	 */
	@RequestMapping
	public void error(HttpServletRequest request, HttpServletResponse response) {
		Throwable exception = this.errorAttributes.getError(new ServletWebRequest(request));
		if (exception == null) {
			exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : 500;
		this.renderer.render(request, response, this.resolver.resolve(status, exception));
	}

}
