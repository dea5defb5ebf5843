/**
 * Request ids: which incoming ids are honoured, how new ones are generated (random or from the trace id), and
 * their propagation into tasks run by executors.
 */
@NullMarked
package dev.apierrors.core.requestid;

import org.jspecify.annotations.NullMarked;
