package dev.apierrors.servlet.resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.util.UriUtils;

/**
 * Placed just before a handler's {@link PathResourceResolver}: passes on only the locations that may hold the
 * requested path, so that the path resolver asks the class loader only where the {@link StaticResourceIndex} cannot
 * rule the resource out, and a path no location may hold is answered with no lookup at all. Resolvers earlier in
 * the chain (caching, encoded variants, versions, webjars) see the request as before.
 */
final class IndexedResourceResolver implements ResourceResolver {

	private final StaticResourceIndex index;

	IndexedResourceResolver(StaticResourceIndex index) {
		this.index = index;
	}

	@Override
	public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		List<? extends Resource> candidates = candidates(requestPath, locations);
		return candidates.isEmpty() ? null : chain.resolveResource(request, requestPath, candidates);
	}

	@Override
	public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		List<? extends Resource> candidates = candidates(resourcePath, locations);
		return candidates.isEmpty() ? null : chain.resolveUrlPath(resourcePath, candidates);
	}

	/**
	 * The locations that may hold the path, in their order; the given list itself when none is ruled out.
	 */
	private List<? extends Resource> candidates(String path, List<? extends Resource> locations) {
		@Nullable List<Resource> candidates = null;
		for (int i = 0; i < locations.size(); i++) {
			Resource location = locations.get(i);
			if (mayHold(location, path)) {
				if (candidates != null) {
					candidates.add(location);
				}
			}
			else if (candidates == null) {
				candidates = new ArrayList<>(locations.subList(0, i));
			}
		}
		return (candidates != null) ? candidates : locations;
	}

	private boolean mayHold(Resource location, String path) {
		if (this.index.mayHold(location, path)) {
			return true;
		}
		if (path.indexOf('%') < 0) {
			return false;
		}
		// PathResourceResolver decodes the path for class path locations when it was parsed as a PathContainer.
		try {
			return this.index.mayHold(location, UriUtils.decode(path, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

}
