/**
 * Transport-neutral parts of idempotency keys: parsing and scoping of keys, request fingerprints, and the
 * in-memory and Redis implementations of {@link dev.apierrors.IdempotencyStore}.
 */
@NullMarked
package dev.apierrors.idempotency;

import org.jspecify.annotations.NullMarked;
