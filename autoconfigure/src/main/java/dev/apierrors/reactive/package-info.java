/**
 * Spring WebFlux adapter: the writer every reactive origin of an error shares, the exception handler that takes
 * the place of Boot's, and the rules for WebFlux's own exceptions.
 */
@NullMarked
package dev.apierrors.reactive;

import org.jspecify.annotations.NullMarked;
