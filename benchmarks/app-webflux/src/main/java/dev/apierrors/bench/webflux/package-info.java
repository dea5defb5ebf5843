/**
 * The small WebFlux app that the reactive end-to-end benchmark builds with and without the starter.
 */
@NullMarked
package dev.apierrors.bench.webflux;

import org.jspecify.annotations.NullMarked;
