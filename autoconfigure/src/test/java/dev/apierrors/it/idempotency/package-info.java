/**
 * Idempotency keys over real HTTP: replay, conflicts, reuse, scoping, expiry, store failures and concurrency,
 * on one instance and on two instances sharing a real Redis.
 */
@NullMarked
package dev.apierrors.it.idempotency;

import org.jspecify.annotations.NullMarked;
