package dev.apierrors.servlet.resource;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.context.support.ServletContextResource;

/**
 * What the class path holds under the class path locations of Spring MVC's static resource handlers, read once from
 * the jars it is made of: a path that no jar holds is known to be missing without asking the class loader, while the
 * class path's directories, whose files can change while the application runs, are looked at on every lookup.
 * <p>
 * {@code classpath:} locations are indexed when every root of their class loader is known (the class loader is a
 * {@link URLClassLoader} or the application class loader, and each root is a jar or a directory). Servlet context
 * locations (Boot adds the context root to its static locations) are asked of Tomcat's document root directory and
 * resource sets directly, without Tomcat's resource cache, which would otherwise keep an entry for every missing
 * path it is asked for. Any other location ({@code file:}, a servlet context of another container or of a packed
 * war) is left to Spring's lookup. The index holds the names of jar entries under the registered locations and
 * nothing a request adds.
 */
public final class StaticResourceIndex {

	private static final Logger logger = LoggerFactory.getLogger(StaticResourceIndex.class);

	private static final String VERSIONS = "META-INF/versions/";

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent("org.apache.catalina.WebResourceRoot",
			StaticResourceIndex.class.getClassLoader());

	private final Set<String> prefixes = ConcurrentHashMap.newKeySet();

	// Keyed by the class loaders of the registered locations: one in practice.
	private final Map<ClassLoader, ClassPathContents> contents = new ConcurrentHashMap<>();

	// Keyed by the servlet contexts of the registered servlet context locations: one in practice.
	private final Map<ServletContext, TomcatServletContextContents> servletContexts = new ConcurrentHashMap<>();

	/**
	 * Create an empty index, to which locations are added with {@link #register(Resource)}.
	 */
	public StaticResourceIndex() {
	}

	/**
	 * Register a location whose resources should be indexed, read on the next lookup; a location that cannot be
	 * indexed is ignored.
	 * @param location a static resource location
	 * @return whether lookups under the location may be answered from the index
	 */
	public boolean register(Resource location) {
		if (location instanceof ServletContextResource servletContextResource) {
			return registerServletContext(servletContextResource.getServletContext());
		}
		String prefix = indexablePath(location);
		if (prefix == null || prefix.isEmpty()) {
			return false;
		}
		if (this.prefixes.add(prefix)) {
			// Read again, with the new prefix, on the next lookup.
			this.contents.clear();
		}
		return true;
	}

	/**
	 * Return whether the location may hold a resource at the given path: {@code false} only when the location is
	 * indexed and nothing holds the path: for a class path location no jar and no class path directory, for a
	 * servlet context location neither Tomcat's document root nor any of its resource sets.
	 * @param location a static resource location
	 * @param relativePath the path relative to the location, as Spring's resolvers pass it
	 * @return whether the location may hold the resource
	 */
	public boolean mayHold(Resource location, String relativePath) {
		if (location instanceof ServletContextResource servletContextResource) {
			TomcatServletContextContents held = this.servletContexts.get(servletContextResource.getServletContext());
			if (held == null) {
				return true;
			}
			Resource relative = servletContextResource.createRelative(relativePath);
			return held.mayHold(((ServletContextResource) relative).getPath());
		}
		if (indexablePath(location) == null) {
			return true;
		}
		String path = ((ClassPathResource) ((ClassPathResource) location).createRelative(relativePath)).getPath();
		if (!isIndexed(path)) {
			return true;
		}
		ClassPathContents held = contentsOf(location);
		return held == null || held.holds(path);
	}

	private boolean registerServletContext(ServletContext servletContext) {
		if (!TOMCAT_PRESENT) {
			return false;
		}
		if (this.servletContexts.containsKey(servletContext)) {
			return true;
		}
		TomcatServletContextContents held = TomcatServletContextContents.of(servletContext);
		if (held == null) {
			logger.debug("Servlet context {} not indexed: not Tomcat's, or its document root is not a directory",
					servletContext);
			return false;
		}
		this.servletContexts.put(servletContext, held);
		return true;
	}

	private boolean isIndexed(String path) {
		for (String prefix : this.prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The path of a {@code classpath:} location from the class path root (also for one relative to a class).
	 */
	private static @Nullable String indexablePath(Resource location) {
		if (location.getClass() != ClassPathResource.class) {
			return null;
		}
		ClassPathResource resource = (ClassPathResource) location;
		return (resource.getClassLoader() != null) ? resource.getPath() : null;
	}

	private @Nullable ClassPathContents contentsOf(Resource location) {
		ClassLoader classLoader = ((ClassPathResource) location).getClassLoader();
		if (classLoader == null) {
			return null;
		}
		ClassPathContents held = this.contents.computeIfAbsent(classLoader,
				(loader) -> ClassPathContents.read(loader, Set.copyOf(this.prefixes)));
		return held.complete ? held : null;
	}

	/**
	 * The entries of a class loader's jars under the indexed prefixes, and its directories.
	 */
	private static final class ClassPathContents {

		private final Set<String> entries;

		private final List<File> directories;

		private final boolean complete;

		private ClassPathContents(Set<String> entries, List<File> directories, boolean complete) {
			this.entries = entries;
			this.directories = directories;
			this.complete = complete;
		}

		boolean holds(String path) {
			if (this.entries.contains(path)) {
				return true;
			}
			for (File directory : this.directories) {
				if (new File(directory, path).exists()) {
					return true;
				}
			}
			return false;
		}

		static ClassPathContents read(ClassLoader classLoader, Set<String> prefixes) {
			long start = System.nanoTime();
			Set<URL> roots = roots(classLoader);
			if (roots == null) {
				logger.debug("Static resources of {} not indexed: its class path is not known", classLoader);
				return new ClassPathContents(Set.of(), List.of(), false);
			}
			Set<String> entries = new HashSet<>();
			List<File> directories = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			Deque<URL> pending = new ArrayDeque<>(roots);
			int jars = 0;
			while (!pending.isEmpty()) {
				URL root = pending.pop();
				if (!seen.add(root.toString())) {
					continue;
				}
				try {
					Root read = readRoot(root, prefixes, entries, pending);
					if (read == Root.UNKNOWN) {
						logger.debug("Static resources not indexed: class path root {} is neither a jar nor a directory",
								root);
						return new ClassPathContents(Set.of(), List.of(), false);
					}
					if (read == Root.JAR) {
						jars++;
					}
					else if (read == Root.DIRECTORY) {
						directories.add(toFile(root));
					}
				}
				catch (IOException | RuntimeException ex) {
					logger.debug("Static resources not indexed: class path root {} could not be read", root, ex);
					return new ClassPathContents(Set.of(), List.of(), false);
				}
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Indexed {} static resources under {} in {} jars in {} ms; looked up on every request in {}",
						entries.size(), prefixes, jars, (System.nanoTime() - start) / 1_000_000, directories);
			}
			return new ClassPathContents(Set.copyOf(entries), List.copyOf(directories), true);
		}

		/**
		 * The roots a class loader and its parents search, or {@code null} when one of them is not known.
		 */
		private static @Nullable Set<URL> roots(ClassLoader classLoader) {
			Set<URL> roots = new LinkedHashSet<>();
			ClassLoader platform = ClassLoader.getPlatformClassLoader();
			for (ClassLoader loader = classLoader; loader != null && loader != platform; loader = loader.getParent()) {
				if (loader instanceof URLClassLoader urlClassLoader) {
					roots.addAll(List.of(urlClassLoader.getURLs()));
				}
				else if (loader == ClassLoader.getSystemClassLoader() && !onModulePath()) {
					for (String entry : StringUtils.tokenizeToStringArray(System.getProperty("java.class.path", ""),
							File.pathSeparator)) {
						roots.add(toUrl(new File(entry)));
					}
				}
				else {
					return null;
				}
			}
			return roots;
		}

		private static boolean onModulePath() {
			return StringUtils.hasText(System.getProperty("jdk.module.path"));
		}

		private static Root readRoot(URL root, Set<String> prefixes, Set<String> entries, Deque<URL> pending)
				throws IOException {
			if ("file".equals(root.getProtocol())) {
				File file = toFile(root);
				if (file.isDirectory() || (!file.exists() && root.getPath().endsWith("/"))) {
					return Root.DIRECTORY;
				}
				if (!file.isFile()) {
					// The class loader skips a missing jar too.
					return Root.NONE;
				}
				try (JarFile jar = new JarFile(file)) {
					readJar(jar, root, prefixes, entries, pending);
				}
				catch (IOException ex) {
					// Not a jar: the class loader cannot read it either.
					logger.debug("Skipping class path entry {}: {}", root, ex.getMessage());
					return Root.NONE;
				}
				return Root.JAR;
			}
			URLConnection connection = root.openConnection();
			if (connection instanceof JarURLConnection jarConnection && !StringUtils.hasLength(jarConnection.getEntryName())) {
				JarFile jar = jarConnection.getJarFile();
				try {
					readJar(jar, root, prefixes, entries, pending);
				}
				finally {
					if (!jarConnection.getUseCaches()) {
						jar.close();
					}
				}
				return Root.JAR;
			}
			return Root.UNKNOWN;
		}

		private static void readJar(JarFile jar, URL root, Set<String> prefixes, Set<String> entries,
				Deque<URL> pending) throws IOException {
			Enumeration<JarEntry> jarEntries = jar.entries();
			while (jarEntries.hasMoreElements()) {
				JarEntry entry = jarEntries.nextElement();
				if (!entry.isDirectory()) {
					add(entry.getName(), prefixes, entries);
				}
			}
			Manifest manifest = jar.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)
					: null;
			if (classPath != null && "file".equals(root.getProtocol())) {
				// Jars a jar's manifest adds to the class path, as the class loader follows them.
				for (String entry : StringUtils.tokenizeToStringArray(classPath, " ")) {
					try {
						pending.add(URI.create(root.toString()).resolve(entry).toURL());
					}
					catch (IllegalArgumentException | MalformedURLException ex) {
						logger.debug("Ignoring class path entry {} of {}", entry, root);
					}
				}
			}
		}

		private static void add(String name, Set<String> prefixes, Set<String> entries) {
			String path = name;
			if (path.startsWith(VERSIONS)) {
				// A multi-release jar serves META-INF/versions/N/x as x.
				int end = path.indexOf('/', VERSIONS.length());
				if (end > 0) {
					add(path.substring(end + 1), prefixes, entries);
				}
			}
			for (String prefix : prefixes) {
				if (path.startsWith(prefix)) {
					entries.add(path);
					return;
				}
			}
		}

		private static File toFile(URL url) {
			try {
				return new File(url.toURI());
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				return new File(url.getPath());
			}
		}

		private static URL toUrl(File file) {
			try {
				return file.toURI().toURL();
			}
			catch (MalformedURLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private enum Root {

		JAR, DIRECTORY, NONE, UNKNOWN

	}

}
