package dev.apierrors.it.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter is part of the {@code @WebMvcTest} slice, so controller tests see the same error bodies as
 * production (MockMvc performs no error dispatch, so only handler errors are covered here).
 */
@WebMvcTest(controllers = SliceApplication.ItemController.class,
		properties = { "spring.security.user.name=slice", "spring.security.user.password=secret" })
class WebMvcSliceTests {

	private static final String CREDENTIALS = "Basic c2xpY2U6c2VjcmV0";

	@Autowired
	MockMvcTester mvc;

	@Test
	void handlerErrorsHaveTheUniformBodyInTheSlice() {
		assertThat(this.mvc.get().uri("/items/7").header("Authorization", CREDENTIALS)).hasStatus(404)
			.hasHeader("Cache-Control", "no-store")
			.bodyJson()
			.extractingPath("$.error")
			.isEqualTo("item_not_found");
	}

	@Test
	void requestIdHeaderEqualsBodyInTheSlice() {
		var result = this.mvc.get().uri("/items/7").header("Authorization", CREDENTIALS).exchange();
		String header = result.getResponse().getHeader("X-Request-Id");
		assertThat(header).isNotBlank();
		assertThat(result).bodyJson().extractingPath("$.request_id").isEqualTo(header);
	}

}
