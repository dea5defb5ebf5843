package dev.apierrors.openapi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.method.HandlerMethod;

/**
 * Decides which of 401 and 403 an operation can answer because of security: method security annotations
 * ({@code @PreAuthorize}, {@code @PostAuthorize}, {@code @Secured}, {@code @RolesAllowed}) on the method or its
 * class mean both; in a servlet application the URL rules of Spring Security's filter chains are asked, through
 * its {@code WebInvocationPrivilegeEvaluator}, whether an anonymous caller (else 401) and a caller without any
 * authority (else 403) may call the operation.
 */
public final class SecuredOperations {

	private static final List<String> METHOD_SECURITY = List.of(
			"org.springframework.security.access.prepost.PreAuthorize",
			"org.springframework.security.access.prepost.PostAuthorize",
			"org.springframework.security.access.annotation.Secured", "jakarta.annotation.security.RolesAllowed");

	private static final SecuredOperations NONE = new SecuredOperations(null);

	private final @Nullable UrlRules urlRules;

	private SecuredOperations(@Nullable UrlRules urlRules) {
		this.urlRules = urlRules;
	}

	/**
	 * Return the decision for an application without security: no operation answers 401 or 403 because of it.
	 * @return the decision
	 */
	public static SecuredOperations none() {
		return NONE;
	}

	/**
	 * Return the decision from method security annotations only, as for a WebFlux application.
	 * @return the decision
	 */
	public static SecuredOperations fromAnnotations() {
		return new SecuredOperations((mappings) -> Set.of());
	}

	/**
	 * Return the decision from method security annotations and the URL rules of a servlet application's filter
	 * chains.
	 * @param evaluator supplies Spring Security's privilege evaluator, or {@code null} when there is none
	 * @return the decision
	 */
	public static SecuredOperations fromUrlRules(Supplier<@Nullable WebInvocationPrivilegeEvaluator> evaluator) {
		return new SecuredOperations(new PrivilegeEvaluatorRules(evaluator));
	}

	Set<Integer> statuses(HandlerMethod handler, OperationMappings mappings) {
		if (this.urlRules == null) {
			return Set.of();
		}
		Set<Integer> statuses = new TreeSet<>(this.urlRules.statuses(mappings));
		for (String annotation : METHOD_SECURITY) {
			if (MergedAnnotations.from(handler.getMethod(), SearchStrategy.TYPE_HIERARCHY).isPresent(annotation)
					|| MergedAnnotations.from(handler.getBeanType(), SearchStrategy.TYPE_HIERARCHY)
						.isPresent(annotation)) {
				statuses.add(401);
				statuses.add(403);
			}
		}
		return statuses;
	}

	@FunctionalInterface
	interface UrlRules {

		Set<Integer> statuses(OperationMappings mappings);

	}

}
