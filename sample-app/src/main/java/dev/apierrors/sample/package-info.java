/**
 * A small users-and-orders service that shows every feature of api-errors.
 */
@NullMarked
package dev.apierrors.sample;

import org.jspecify.annotations.NullMarked;
