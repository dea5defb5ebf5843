package dev.apierrors.servlet.idempotency;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.apierrors.Idempotent;
import dev.apierrors.servlet.idempotency.IdempotencyPolicies.Policy;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link IdempotencyPolicies}: annotations on methods and classes, then configured paths.
 */
class IdempotencyPoliciesTests {

	private static final Duration DEFAULT = Duration.ofHours(24);

	private final IdempotencyPolicies policies = new IdempotencyPolicies(List.of("/refunds/**"), false, DEFAULT);

	@Test
	void annotatedMethodTakesKeysWithItsRules() throws Exception {
		assertThat(find(new Handlers(), "required", "/payments")).isEqualTo(new Policy(true, DEFAULT));
		assertThat(find(new Handlers(), "optionalWithExpiry", "/payments"))
			.isEqualTo(new Policy(false, Duration.ofMinutes(10)));
		assertThat(find(new Handlers(), "isoExpiry", "/payments")).isEqualTo(new Policy(true, Duration.ofHours(2)));
	}

	@Test
	void methodAnnotationWinsOverTheClassOne() throws Exception {
		assertThat(find(new AnnotatedHandlers(), "plain", "/payments")).isEqualTo(new Policy(false, DEFAULT));
		assertThat(find(new AnnotatedHandlers(), "own", "/payments")).isEqualTo(new Policy(true, Duration.ofSeconds(30)));
	}

	@Test
	void configuredPathsTakeKeysWithTheirRules() throws Exception {
		assertThat(find(new Handlers(), "plain", "/refunds/7")).isEqualTo(new Policy(false, DEFAULT));
		assertThat(find(new Handlers(), "plain", "/payments")).isNull();
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/refunds/7");
		request.setContextPath("/app");
		assertThat(this.policies.find(new Object(), request)).isEqualTo(new Policy(false, DEFAULT));
	}

	@Test
	void invalidExpiryNamesTheHandler() {
		assertThatIllegalStateException().isThrownBy(() -> find(new Handlers(), "invalidExpiry", "/payments"))
			.withMessageContaining("@Idempotent(expiry = \"soon\")")
			.withMessageContaining("invalidExpiry");
		assertThatIllegalStateException().isThrownBy(() -> find(new Handlers(), "zeroExpiry", "/payments"));
	}

	private Policy find(Object bean, String method, String path) throws NoSuchMethodException {
		HandlerMethod handler = new HandlerMethod(bean, bean.getClass().getDeclaredMethod(method));
		return this.policies.find(handler, new MockHttpServletRequest("POST", path));
	}

	static class Handlers {

		@Idempotent
		void required() {
		}

		@Idempotent(required = false, expiry = "10m")
		void optionalWithExpiry() {
		}

		@Idempotent(expiry = "PT2H")
		void isoExpiry() {
		}

		@Idempotent(expiry = "soon")
		void invalidExpiry() {
		}

		@Idempotent(expiry = "0s")
		void zeroExpiry() {
		}

		void plain() {
		}

	}

	@Idempotent(required = false)
	static class AnnotatedHandlers {

		void plain() {
		}

		@Idempotent(expiry = "30s")
		void own() {
		}

	}

}
