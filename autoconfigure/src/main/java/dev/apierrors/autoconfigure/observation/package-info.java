/**
 * Auto-configuration of the error code as telemetry.
 */
@NullMarked
package dev.apierrors.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
