/**
 * Auto-configuration of the error catalog: every code the application can answer with.
 */
@NullMarked
package dev.apierrors.autoconfigure.catalog;

import org.jspecify.annotations.NullMarked;
