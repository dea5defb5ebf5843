package dev.apierrors.servlet.cors;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Gives Spring MVC's handler mappings and the {@link CorsFilter}s of Spring Security's filter chains the
 * starter's {@link CorsProcessor}, so that a rejected cross-origin request gets the uniform body. A handler
 * mapping whose processor the application replaced keeps it.
 */
public final class CorsProcessorPostProcessor implements BeanPostProcessor {

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.web.SecurityFilterChain", CorsProcessorPostProcessor.class.getClassLoader());

	private final CorsProcessor processor;

	/**
	 * Create the post-processor.
	 * @param processor the processor to give them
	 */
	public CorsProcessorPostProcessor(CorsProcessor processor) {
		this.processor = processor;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractHandlerMapping mapping
				&& mapping.getCorsProcessor().getClass() == DefaultCorsProcessor.class) {
			mapping.setCorsProcessor(this.processor);
		}
		else if (SECURITY_PRESENT) {
			SecurityChains.apply(bean, this.processor);
		}
		return bean;
	}

	/**
	 * Loaded only when Spring Security is present.
	 */
	private static final class SecurityChains {

		static void apply(Object bean, CorsProcessor processor) {
			if (bean instanceof org.springframework.security.web.SecurityFilterChain chain) {
				for (jakarta.servlet.Filter filter : chain.getFilters()) {
					if (filter instanceof CorsFilter cors) {
						cors.setCorsProcessor(processor);
					}
				}
			}
		}

	}

}
