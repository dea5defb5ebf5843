package dev.apierrors.autoconfigure.aot;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiErrorCode;
import dev.apierrors.autoconfigure.catalog.ErrorCodeTypes;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.support.InstanceSupplier;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.javapoet.CodeBlock;
import org.springframework.util.ClassUtils;

/**
 * Lists the error code types of the application at build time, so that an application processed ahead of time does
 * not scan its packages for them at run time, and a native image, which has no class files to scan, has them at
 * all. For each {@link ErrorCodeTypes} bean it asks the build's instance for its class names (which runs the
 * catalog's own scan of the application's packages, now), generates the bean's instance as
 * {@code ErrorCodeTypes.of("...", ...)} with those names in place of the scanning factory method, and registers
 * what the catalog reads of them: each class by name, with its annotations, and {@code values()} of the enums,
 * through which {@link Class#getEnumConstants()} reads their constants.
 */
final class ApiErrorsCodeTypesBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (!ErrorCodeTypes.class.isAssignableFrom(registeredBean.getBeanClass()) || registeredBean.isInnerBean()) {
			return null;
		}
		ErrorCodeTypes types = registeredBean.getBeanFactory()
			.getBean(registeredBean.getBeanName(), ErrorCodeTypes.class);
		return new Contribution(types.classNames(), registeredBean.getBeanFactory().getBeanClassLoader());
	}

	private static final class Contribution implements BeanRegistrationAotContribution {

		private final List<String> classNames;

		private final @Nullable ClassLoader classLoader;

		Contribution(List<String> classNames, @Nullable ClassLoader classLoader) {
			this.classNames = classNames;
			this.classLoader = classLoader;
		}

		@Override
		public void applyTo(GenerationContext generationContext, BeanRegistrationCode beanRegistrationCode) {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			for (String name : this.classNames) {
				Class<?> type = load(name);
				if (type != null && type.isEnum() && ApiErrorCode.class.isAssignableFrom(type)) {
					reflection.registerType(type,
							(hint) -> hint.withMethod("values", List.of(), ExecutableMode.INVOKE));
				}
				else {
					reflection.registerType(TypeReference.of(name));
				}
			}
		}

		@Override
		public BeanRegistrationCodeFragments customizeBeanRegistrationCodeFragments(
				GenerationContext generationContext, BeanRegistrationCodeFragments codeFragments) {
			return new BeanRegistrationCodeFragmentsDecorator(codeFragments) {

				@Override
				public CodeBlock generateInstanceSupplierCode(GenerationContext generationContext,
						BeanRegistrationCode beanRegistrationCode, boolean allowDirectSupplierShortcut) {
					// Names, not class literals: the classes may be package-private.
					CodeBlock names = CodeBlock.join(
							Contribution.this.classNames.stream().map((name) -> CodeBlock.of("$S", name)).toList(),
							", ");
					return CodeBlock.of("$T.using(() -> $T.of($L))", InstanceSupplier.class, ErrorCodeTypes.class,
							names);
				}

			};
		}

		private @Nullable Class<?> load(String name) {
			try {
				return ClassUtils.forName(name, this.classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return null;
			}
		}

	}

}
