/**
 * Auto-configuration of api-errors and its {@code api.errors} configuration properties.
 */
@NullMarked
package dev.apierrors.autoconfigure;

import org.jspecify.annotations.NullMarked;
