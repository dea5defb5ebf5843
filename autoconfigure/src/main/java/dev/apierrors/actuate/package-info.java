/**
 * Actuator endpoint that publishes the error catalog.
 */
@NullMarked
package dev.apierrors.actuate;

import org.jspecify.annotations.NullMarked;
