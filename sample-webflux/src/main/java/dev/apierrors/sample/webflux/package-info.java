/**
 * The sample service on Spring WebFlux: the same API and the same error contract as the Spring MVC sample.
 */
@NullMarked
package dev.apierrors.sample.webflux;

import org.jspecify.annotations.NullMarked;
