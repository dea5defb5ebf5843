package dev.apierrors.servlet.resource;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;

/**
 * Gives the {@link ResourceHttpRequestHandler}s of Spring MVC's resource handler mappings (Boot's default mappings
 * and those an application adds with {@code addResourceHandlers}) a resolver that consults the
 * {@link StaticResourceIndex} before their {@link PathResourceResolver} asks the class loader. A handler whose last
 * resolver is not Spring's own {@code PathResourceResolver} resolves resources its own way and is left as it is.
 */
public final class StaticResourceIndexPostProcessor implements BeanPostProcessor {

	private final Supplier<StaticResourceIndex> index;

	/**
	 * Create the post-processor.
	 * @param index the index, asked for when the first resource handler mapping is initialized
	 */
	public StaticResourceIndexPostProcessor(Supplier<StaticResourceIndex> index) {
		this.index = index;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SimpleUrlHandlerMapping mapping) {
			for (Object handler : mapping.getHandlerMap().values()) {
				if (handler instanceof ResourceHttpRequestHandler resourceHandler) {
					apply(resourceHandler, beanName);
				}
			}
		}
		return bean;
	}

	private void apply(ResourceHttpRequestHandler handler, String beanName) {
		List<ResourceResolver> resolvers = handler.getResourceResolvers();
		int last = resolvers.size() - 1;
		if (last < 0 || resolvers.get(last).getClass() != PathResourceResolver.class
				|| resolvers.stream().anyMatch(IndexedResourceResolver.class::isInstance)) {
			return;
		}
		StaticResourceIndex index = this.index.get();
		boolean indexed = false;
		for (Resource location : handler.getLocations()) {
			indexed |= index.register(location);
		}
		if (!indexed) {
			return;
		}
		resolvers.add(last, new IndexedResourceResolver(index));
		try {
			// The handler built its resolver chain when it was initialized: build it again.
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new BeanInitializationException("Failed to index the static resources of " + beanName, ex);
		}
	}

}
