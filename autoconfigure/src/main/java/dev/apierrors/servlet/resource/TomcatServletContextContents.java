package dev.apierrors.servlet.resource;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletContext;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.WebResourceSet;
import org.jspecify.annotations.Nullable;

/**
 * What the servlet context of an embedded or standalone Tomcat serves at a path, asked of its document root
 * directory and its resource sets directly, bypassing Tomcat's resource cache. Tomcat caches a miss as well as a
 * hit, so a flood of random paths would fill that cache and make it evict (sorting every entry) on each request;
 * asked here, a path that nothing holds is answered with one file-system lookup and the in-memory indexes of the
 * resource jars, and leaves nothing behind.
 * <p>
 * Only a context whose document root is a directory is read this way (Boot's embedded Tomcat, an exploded war);
 * a packed war and any other container are left to Spring's lookup.
 */
final class TomcatServletContextContents {

	/** The servlet context attribute under which Tomcat publishes its {@link WebResourceRoot}. */
	private static final String RESOURCES_ATTRIBUTE = "org.apache.catalina.resources";

	private final File documentRoot;

	private final List<WebResourceSet> sets;

	private TomcatServletContextContents(File documentRoot, List<WebResourceSet> sets) {
		this.documentRoot = documentRoot;
		this.sets = sets;
	}

	/**
	 * Return the contents of a servlet context, or {@code null} when it is not Tomcat's or its document root is not
	 * a directory.
	 */
	static @Nullable TomcatServletContextContents of(ServletContext servletContext) {
		if (!(servletContext.getAttribute(RESOURCES_ATTRIBUTE) instanceof WebResourceRoot root)) {
			return null;
		}
		String realPath = servletContext.getRealPath("/");
		File documentRoot = (realPath != null) ? new File(realPath) : null;
		if (documentRoot == null || !documentRoot.isDirectory()) {
			return null;
		}
		// The main set is the document root; the others (resource jars, META-INF/resources of class path directories,
		// sets an application adds) are asked one by one, as Tomcat does, without the cache.
		List<WebResourceSet> sets = new ArrayList<>();
		for (WebResourceSet[] group : List.of(root.getPreResources(), root.getJarResources(), root.getPostResources())) {
			for (WebResourceSet set : group) {
				if (!set.getClassLoaderOnly()) {
					sets.add(set);
				}
			}
		}
		return new TomcatServletContextContents(documentRoot, List.copyOf(sets));
	}

	/**
	 * Return whether the servlet context may serve a resource at a path: {@code false} only when the path is a plain
	 * one, the document root has no file there and no resource set holds it.
	 * @param path the path in the servlet context, from its root
	 */
	boolean mayHold(String path) {
		if (!isPlain(path) || new File(this.documentRoot, path).exists()) {
			return true;
		}
		try {
			for (WebResourceSet set : this.sets) {
				if (set.getResource(path).exists()) {
					return true;
				}
			}
		}
		catch (RuntimeException ex) {
			// A path a set refuses is left to Tomcat, which refuses it the same way.
			return true;
		}
		return false;
	}

	/**
	 * Whether a path is normalized and outside the protected directories, as Spring MVC passes it: anything else is
	 * left to Tomcat.
	 */
	private static boolean isPlain(String path) {
		if (!path.startsWith("/") || path.contains("..") || path.contains("//") || path.indexOf('\\') >= 0
				|| path.indexOf('\0') >= 0 || path.indexOf(':') >= 0) {
			return false;
		}
		String upper = path.toUpperCase(Locale.ROOT);
		return !upper.startsWith("/WEB-INF") && !upper.startsWith("/META-INF");
	}

}
