/**
 * What the WebFlux benchmark app does differently with this project's starter.
 */
@NullMarked
package dev.apierrors.bench.webflux.starter;

import org.jspecify.annotations.NullMarked;
