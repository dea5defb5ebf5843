package dev.apierrors.core.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.core.catalog.ErrorCodeEntry.Source;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The error catalog's registry: declarations, status defaults, codes learnt at run time, unknown codes reported.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorCodeRegistryTests {

	private final ErrorCatalog statuses = new ErrorCatalog(Map.of(404, "Nothing here."));

	@Test
	void everyRegisteredErrorStatusHasItsDefaultCode() {
		ErrorCodeRegistry registry = new ErrorCodeRegistry(this.statuses, List::of);
		assertThat(registry.find("not_found")).satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo(404);
			assertThat(entry.message()).isEqualTo("Nothing here.");
			assertThat(entry.source()).isEqualTo(Source.STATUS);
			assertThat(entry.description()).isNotBlank();
		});
		assertThat(registry.find("i_m_a_teapot").status()).isEqualTo(418);
		assertThat(registry.find("client_error").status()).isEqualTo(499);
		assertThat(registry.find("invalid_token").status()).isEqualTo(401);
		assertThat(registry.entries()).extracting(ErrorCodeEntry::status).isSorted();
	}

	@Test
	void firstDeclarationWinsOverLaterOnesAndOverStatusDefaults() {
		ErrorCodeRegistry registry = new ErrorCodeRegistry(this.statuses,
				() -> List.of(new ErrorCodeEntry("validation_failed", 400, "Invalid.", "", Source.BUILT_IN),
						new ErrorCodeEntry("validation_failed", 422, "Other.", "", Source.APPLICATION)));
		assertThat(registry.find("validation_failed").status()).isEqualTo(400);
	}

	@Test
	void declarationsAreCollectedOnFirstUse() {
		int[] calls = { 0 };
		ErrorCodeRegistry registry = new ErrorCodeRegistry(this.statuses, () -> {
			calls[0]++;
			return List.of();
		});
		assertThat(calls[0]).isZero();
		registry.isKnown("not_found");
		registry.entries();
		assertThat(calls[0]).isOne();
	}

	@Test
	void declaredCodeSeenAtRunTimeJoinsWithEveryConstantOfItsEnum(CapturedOutput output) {
		ErrorCodeRegistry registry = new ErrorCodeRegistry(this.statuses, List::of);
		registry.observe("card_declined", 402, PaymentError.CARD_DECLINED);
		assertThat(registry.find("card_expired")).satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo(402);
			assertThat(entry.source()).isEqualTo(Source.RUN_TIME);
		});
		assertThat(output.getOut()).doesNotContain("not in the error catalog");
	}

	@Test
	void unknownCodeIsReportedOnceAndReportsAreBounded(CapturedOutput output) {
		ErrorCodeRegistry registry = new ErrorCodeRegistry(this.statuses, List::of);
		registry.observe("made_up", 409, null);
		registry.observe("made_up", 409, null);
		assertThat(output.getOut().lines().filter((line) -> line.contains("'made_up'"))).hasSize(1);
		for (int i = 0; i < 10_000; i++) {
			registry.observe("invented_" + i, 400, null);
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("not in the error catalog")))
			.hasSize(ErrorCodeRegistry.MAX_REPORTED);
		assertThat(registry.isKnown("invented_1")).isFalse();
	}

	@Test
	void entryRefusesAnInvalidCodeOrStatus() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorCodeEntry("Bad Code", 400, "", "", Source.STATUS));
		assertThatIllegalArgumentException().isThrownBy(() -> new ErrorCodeEntry("ok", 302, "", "", Source.STATUS));
	}

	enum PaymentError implements ApiErrorCode {

		CARD_DECLINED, CARD_EXPIRED;

		@Override
		public HttpStatusCode status() {
			return HttpStatus.PAYMENT_REQUIRED;
		}

		@Override
		public String message() {
			return "The card was refused.";
		}

	}

}
