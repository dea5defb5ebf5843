package dev.apierrors.jmh;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.apierrors.NotFoundException;
import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorResolver;
import dev.apierrors.core.rules.SpringWebRules;
import dev.apierrors.core.rules.ValidationRules;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Resolving an exception to its status, code and message: a typed 404 (thrown fresh, as per request), a
 * framework 404 for an unknown route and a {@code @Valid} body failure with three fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResolveBenchmark {

	private ErrorResolver resolver;

	private NoResourceFoundException noResource;

	private MethodArgumentNotValidException invalid;

	@Setup
	public void setUp() throws Exception {
		this.resolver = newResolver();
		this.noResource = new NoResourceFoundException(HttpMethod.GET, "/no/such/route", "no/such/route");
		this.invalid = newInvalidBody();
	}

	static ErrorResolver newResolver() {
		ErrorCatalog catalog = new ErrorCatalog(Map.of());
		return new ErrorResolver(catalog, List.of(), List.of(),
				List.of(new SpringWebRules(catalog), new ValidationRules(catalog, (type, path) -> path, 400)));
	}

	static MethodArgumentNotValidException newInvalidBody() throws NoSuchMethodException {
		Method method = ResolveBenchmark.class.getDeclaredMethod("create", NewItem.class);
		NewItem item = new NewItem("", -5, "euro");
		BeanPropertyBindingResult result = new BeanPropertyBindingResult(item, "newItem");
		result.rejectValue("name", "NotBlank", "must not be blank");
		result.rejectValue("priceCents", "Positive", "must be greater than 0");
		result.rejectValue("currency", "Pattern", "must match \"[A-Z]{3}\"");
		return new MethodArgumentNotValidException(new MethodParameter(method, 0), result);
	}

	@Benchmark
	public ResolvedError typedNotFoundThrownFresh() {
		return this.resolver.resolve(new NotFoundException("item_not_found", "Item 0 was not found."));
	}

	@Benchmark
	public ResolvedError unknownRoute() {
		return this.resolver.resolve(this.noResource);
	}

	@Benchmark
	public ResolvedError invalidBody() {
		return this.resolver.resolve(this.invalid);
	}

	@SuppressWarnings("unused")
	private void create(NewItem item) {
	}

	/**
	 * A request body with three constraints, all broken.
	 */
	public static final class NewItem {

		private final String name;

		private final long priceCents;

		private final String currency;

		NewItem(String name, long priceCents, String currency) {
			this.name = name;
			this.priceCents = priceCents;
			this.currency = currency;
		}

		public String getName() {
			return this.name;
		}

		public long getPriceCents() {
			return this.priceCents;
		}

		public String getCurrency() {
			return this.currency;
		}

	}

}
