/**
 * The error code as telemetry: a low-cardinality {@code error.code} key on the server request observations that
 * Spring's web stacks record.
 */
@NullMarked
package dev.apierrors.observation;

import org.jspecify.annotations.NullMarked;
