/**
 * The catalog of error statuses: the default code, client message and problem-details title of every status
 * from 400 to 599.
 */
@NullMarked
package dev.apierrors.core.catalog;

import org.jspecify.annotations.NullMarked;
