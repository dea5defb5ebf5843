/**
 * Auto-configuration of idempotency keys and its {@code api.errors.idempotency} configuration properties.
 */
@NullMarked
package dev.apierrors.autoconfigure.idempotency;

import org.jspecify.annotations.NullMarked;
