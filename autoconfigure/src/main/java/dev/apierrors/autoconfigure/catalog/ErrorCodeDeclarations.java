package dev.apierrors.autoconfigure.catalog;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.catalog.ErrorCodeEntry;
import dev.apierrors.core.catalog.ErrorCodeEntry.Source;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ExceptionMapping;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Collects the declared codes for the error catalog, in order of precedence: configured mappings, the
 * application's {@link ApiErrorCode} beans (single, arrays and collections), {@code ApiErrorCode} enums,
 * {@code @ApiError} and {@code @ResponseStatus} exceptions in the application's packages (those of
 * {@code @SpringBootApplication}, as entity scanning uses), then the codes the rule contributors declare. The
 * classes of the application's packages come from {@link ErrorCodeTypes}: scanned on the JVM, listed at build time
 * in an application processed ahead of time.
 */
final class ErrorCodeDeclarations {

	private static final Logger logger = LoggerFactory.getLogger(ErrorCodeDeclarations.class);

	private static final ResolvableType COLLECTION_OF_CODES = ResolvableType
		.forType(new ParameterizedTypeReference<Collection<? extends ApiErrorCode>>() {
		});

	private final ListableBeanFactory beanFactory;

	private final ErrorCatalog statuses;

	private final List<ExceptionMapping> mappings;

	private final List<ErrorRuleContributor> contributors;

	private final ErrorCodeTypes types;

	private final @Nullable ClassLoader classLoader;

	ErrorCodeDeclarations(ListableBeanFactory beanFactory, ErrorCatalog statuses, List<ExceptionMapping> mappings,
			List<ErrorRuleContributor> contributors, ErrorCodeTypes types, @Nullable ClassLoader classLoader) {
		this.beanFactory = beanFactory;
		this.statuses = statuses;
		this.mappings = mappings;
		this.contributors = contributors;
		this.types = types;
		this.classLoader = classLoader;
	}

	List<ErrorCodeEntry> collect() {
		List<ErrorCodeEntry> entries = new ArrayList<>();
		for (ExceptionMapping mapping : this.mappings) {
			int status = mapping.status();
			entries.add(new ErrorCodeEntry((mapping.code() != null) ? mapping.code() : this.statuses.code(status),
					status, (mapping.message() != null) ? mapping.message() : this.statuses.message(status),
					"Answers " + mapping.exception().getName() + ".", Source.CONFIGURATION));
		}
		addBeans(entries);
		addApplicationTypes(entries);
		for (ErrorRuleContributor contributor : this.contributors) {
			entries.addAll(contributor.errorCodes());
		}
		return entries;
	}

	private void addBeans(List<ErrorCodeEntry> entries) {
		for (ApiErrorCode code : this.beanFactory.getBeansOfType(ApiErrorCode.class, false, true).values()) {
			entries.add(ErrorCodeEntry.of(code, Source.APPLICATION));
		}
		for (Object array : this.beanFactory.getBeansOfType(ApiErrorCode[].class, false, true).values()) {
			for (ApiErrorCode code : (ApiErrorCode[]) array) {
				entries.add(ErrorCodeEntry.of(code, Source.APPLICATION));
			}
		}
		for (String name : this.beanFactory.getBeanNamesForType(COLLECTION_OF_CODES, false, true)) {
			for (Object code : (Collection<?>) this.beanFactory.getBean(name)) {
				if (code instanceof ApiErrorCode declared) {
					entries.add(ErrorCodeEntry.of(declared, Source.APPLICATION));
				}
			}
		}
	}

	private void addApplicationTypes(List<ErrorCodeEntry> entries) {
		long start = System.nanoTime();
		List<ErrorCodeEntry> annotated = new ArrayList<>();
		List<ErrorCodeEntry> responseStatus = new ArrayList<>();
		List<String> classNames = this.types.classNames();
		for (String name : classNames) {
			Class<?> type = load(name, this.classLoader);
			if (type == null) {
				continue;
			}
			if (type.isEnum() && ApiErrorCode.class.isAssignableFrom(type)) {
				for (Object constant : type.getEnumConstants()) {
					entries.add(ErrorCodeEntry.of((ApiErrorCode) constant, Source.APPLICATION));
				}
			}
			else if (Throwable.class.isAssignableFrom(type) && isIndependentAndConcrete(type)) {
				ErrorCodeEntry entry = forExceptionClass(type);
				// A class that answers its status's default code adds nothing the status does not.
				if (entry != null && !entry.code().equals(this.statuses.code(entry.status()))) {
					(entry.source() == Source.API_ERROR ? annotated : responseStatus).add(entry);
				}
			}
		}
		entries.addAll(annotated);
		entries.addAll(responseStatus);
		if (logger.isDebugEnabled()) {
			logger.debug("Read the codes of {} error code types ({}) in {} ms", classNames.size(), this.types.origin(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		}
	}

	// The types also name abstract and inner classes, whose annotations the resolver reads for their subclasses
	// but which are no exception of their own for the catalog.
	private static boolean isIndependentAndConcrete(Class<?> type) {
		int modifiers = type.getModifiers();
		return !Modifier.isAbstract(modifiers) && !type.isAnonymousClass() && !type.isLocalClass()
				&& (!type.isMemberClass() || Modifier.isStatic(modifiers));
	}

	private @Nullable ErrorCodeEntry forExceptionClass(Class<?> type) {
		return ErrorCodeEntry.forExceptionClass(type, this.statuses);
	}

	private static @Nullable Class<?> load(@Nullable String name, @Nullable ClassLoader classLoader) {
		if (name == null) {
			return null;
		}
		try {
			return ClassUtils.forName(name, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			logger.debug("Could not load {} for the error catalog: {}", name, ex.toString());
			return null;
		}
	}


}
