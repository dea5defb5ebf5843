/**
 * Spring Security integration: 401 and 403 answered with the uniform body straight from Security's filters.
 */
@NullMarked
package dev.apierrors.security;

import org.jspecify.annotations.NullMarked;
