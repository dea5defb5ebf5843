/**
 * Spring Security integration for WebFlux applications: 401 and 403 answered with the uniform body by the
 * defaults of every {@code SecurityWebFilterChain}.
 */
@NullMarked
package dev.apierrors.reactive.security;

import org.jspecify.annotations.NullMarked;
