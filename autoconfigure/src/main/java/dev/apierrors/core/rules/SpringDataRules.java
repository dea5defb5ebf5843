package dev.apierrors.core.rules;

import dev.apierrors.core.ResolvedError;
import dev.apierrors.core.catalog.ErrorCatalog;
import dev.apierrors.core.resolve.ErrorRuleContributor;
import dev.apierrors.core.resolve.ErrorRules;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The rules for Spring's data access exceptions: a lost optimistic lock and a violated constraint (a duplicate)
 * are conflicts (409); a database that cannot be reached or did not answer in time makes the service unavailable
 * (503 with {@code Retry-After}). Other data access failures are unexpected (500).
 */
public final class SpringDataRules implements ErrorRuleContributor {

	private final ErrorCatalog catalog;

	/**
	 * Create the rules.
	 * @param catalog the default codes and messages
	 */
	public SpringDataRules(ErrorCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public void contribute(ErrorRules rules) {
		rules.add(OptimisticLockingFailureException.class, (ex) -> ResolvedError.builder(409, this.catalog.code(409),
				"The resource was changed by another request. Reload it and try again."));
		rules.add(DataIntegrityViolationException.class, (ex) -> this.catalog.error(409));
		rules.add(DataAccessResourceFailureException.class, (ex) -> this.catalog.error(503));
		rules.add(TransientDataAccessResourceException.class, (ex) -> this.catalog.error(503));
		rules.add(QueryTimeoutException.class, (ex) -> this.catalog.error(503));
	}

}
