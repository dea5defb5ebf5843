/**
 * Logging support: the request id in every log line of Boot's default log patterns.
 */
@NullMarked
package dev.apierrors.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
