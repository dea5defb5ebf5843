/**
 * Spring Security integration for servlet applications: 401 and 403 answered with the uniform body straight from
 * Security's filters, and the challenge of each filter chain's login mechanism.
 */
@NullMarked
package dev.apierrors.servlet.security;

import org.jspecify.annotations.NullMarked;
