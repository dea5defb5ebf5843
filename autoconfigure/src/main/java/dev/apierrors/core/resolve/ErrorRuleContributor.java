package dev.apierrors.core.resolve;

import java.util.List;

import dev.apierrors.core.catalog.ErrorCodeEntry;

/**
 * Adds the rules for one library's exceptions to the resolver; the built-in rule sets and the web adapters'
 * transport-specific rules are contributed this way. A contributor also declares the specific codes its rules
 * answer with, which the error catalog publishes.
 */
@FunctionalInterface
public interface ErrorRuleContributor {

	/**
	 * Add rules.
	 * @param rules the rules to add to
	 */
	void contribute(ErrorRules rules);

	/**
	 * Return the codes the rules answer with, beyond the default codes of the statuses, for the error catalog.
	 * @return the codes, empty by default
	 */
	default List<ErrorCodeEntry> errorCodes() {
		return List.of();
	}

}
