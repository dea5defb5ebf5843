package dev.apierrors.autoconfigure.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiError;
import dev.apierrors.ApiErrorCode;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The classes of the application's packages (those of {@code @SpringBootApplication}, as
 * {@link AutoConfigurationPackages} records them) that declare error codes: {@link ApiErrorCode} types, and
 * exception classes annotated with {@code @ApiError} or {@code @ResponseStatus}, abstract and nested ones included.
 * The error catalog reads the codes of the enums and of the concrete exception classes among them; ahead-of-time
 * processing registers them for reflection.
 *
 * <p>On the JVM the classes are found by a classpath scan, once, when they are first asked for (the catalog asks on
 * its first use, not at start-up). In a native image there are no class files to scan, so ahead-of-time
 * processing runs the same scan at build time and lists what it found: its {@code BeanRegistrationAotProcessor}
 * asks the build's instance of this bean for its {@link #classNames() class names} and generates a bean
 * definition whose instance is {@link #of(String...)} with those names, as Spring Data does for its managed types.
 * Boot uses the generated bean definitions exactly when {@link AotDetector#useGeneratedArtifacts()} is
 * {@code true}, so an application started from them, on the JVM or as a native image, uses the list and never
 * scans; any other start scans, as before.
 */
public final class ErrorCodeTypes {

	private static final Logger logger = LoggerFactory.getLogger(ErrorCodeTypes.class);

	private final Supplier<List<String>> classNames;

	private final String origin;

	private ErrorCodeTypes(Supplier<List<String>> classNames, String origin) {
		this.classNames = SingletonSupplier.of(classNames);
		this.origin = origin;
	}

	/**
	 * Return the types listed ahead of time; called by the bean definition that ahead-of-time processing
	 * generated.
	 * @param classNames the names of the classes the scan found at build time
	 * @return the types
	 */
	public static ErrorCodeTypes of(String... classNames) {
		List<String> listed = List.of(classNames);
		return new ErrorCodeTypes(() -> listed, "listed ahead of time");
	}

	/**
	 * Return the types found by a scan of the application's packages, which runs when they are first asked for.
	 * @param beanFactory the bean factory that knows the application's packages
	 * @param environment the environment
	 * @param resourceLoader the resource loader that reads the class files
	 * @return the types
	 */
	public static ErrorCodeTypes scanning(BeanFactory beanFactory, Environment environment,
			ResourceLoader resourceLoader) {
		return new ErrorCodeTypes(() -> scan(beanFactory, environment, resourceLoader), "scanned");
	}

	/**
	 * Return the names of the classes, in the order the scan found them.
	 * @return the class names
	 */
	public List<String> classNames() {
		return this.classNames.get();
	}

	String origin() {
		return this.origin;
	}

	private static List<String> scan(BeanFactory beanFactory, Environment environment,
			ResourceLoader resourceLoader) {
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return List.of();
		}
		long start = System.nanoTime();
		List<String> packages = AutoConfigurationPackages.get(beanFactory);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				environment) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
				return true;
			}

		};
		scanner.setResourceLoader(resourceLoader);
		TypeFilter code = new AssignableTypeFilter(ApiErrorCode.class);
		TypeFilter exception = new AssignableTypeFilter(Throwable.class);
		TypeFilter apiError = new AnnotationTypeFilter(ApiError.class);
		TypeFilter responseStatus = new AnnotationTypeFilter(ResponseStatus.class);
		scanner.addIncludeFilter((reader, factory) -> code.match(reader, factory)
				|| ((apiError.match(reader, factory) || responseStatus.match(reader, factory))
						&& exception.match(reader, factory)));
		Set<String> names = new LinkedHashSet<>();
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				if (candidate.getBeanClassName() != null) {
					names.add(candidate.getBeanClassName());
				}
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Scanned {} for error code types in {} ms: {} found", packages,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), names.size());
		}
		return Collections.unmodifiableList(new ArrayList<>(names));
	}

	@Override
	public String toString() {
		return "ErrorCodeTypes (" + origin() + ")";
	}

}
