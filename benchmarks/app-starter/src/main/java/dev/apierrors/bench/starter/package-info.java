/**
 * What the benchmark app does differently with this project's starter.
 */
@NullMarked
package dev.apierrors.bench.starter;

import org.jspecify.annotations.NullMarked;
