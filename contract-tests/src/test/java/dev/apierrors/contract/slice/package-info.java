/**
 * The starter in the {@code @WebFluxTest} slice.
 */
@NullMarked
package dev.apierrors.contract.slice;

import org.jspecify.annotations.NullMarked;
