/**
 * Auto-configuration of the actuator endpoint that publishes the error catalog.
 */
@NullMarked
package dev.apierrors.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
