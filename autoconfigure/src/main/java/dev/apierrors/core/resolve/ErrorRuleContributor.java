package dev.apierrors.core.resolve;

/**
 * Adds the rules for one library's exceptions to the resolver; the built-in rule sets and the web adapters'
 * transport-specific rules are contributed this way.
 */
@FunctionalInterface
public interface ErrorRuleContributor {

	/**
	 * Add rules.
	 * @param rules the rules to add to
	 */
	void contribute(ErrorRules rules);

}
