package dev.apierrors.openapi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Asks the URL rules of a servlet application's security filter chains whether an anonymous caller (else 401)
 * and a caller without any authority (else 403) may call an operation; kept apart so that the Spring Security
 * types load only when it is present.
 */
final class PrivilegeEvaluatorRules implements SecuredOperations.UrlRules {

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-errors", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final Authentication USER = UsernamePasswordAuthenticationToken.authenticated("user", null,
			List.of());

	private final Supplier<@Nullable WebInvocationPrivilegeEvaluator> evaluator;

	PrivilegeEvaluatorRules(Supplier<@Nullable WebInvocationPrivilegeEvaluator> evaluator) {
		this.evaluator = evaluator;
	}

	@Override
	public Set<Integer> statuses(OperationMappings mappings) {
		Set<Integer> statuses = new TreeSet<>();
		WebInvocationPrivilegeEvaluator evaluator = this.evaluator.get();
		if (evaluator == null) {
			return statuses;
		}
		String path = mappings.samplePath();
		for (String method : mappings.methods()) {
			if (!evaluator.isAllowed("", path, method, ANONYMOUS)) {
				statuses.add(401);
			}
			if (!evaluator.isAllowed("", path, method, USER)) {
				statuses.add(403);
			}
		}
		return statuses;
	}

}
