/**
 * An application package for the ahead-of-time processing tests: exceptions with and without annotations, and an
 * error-code enum.
 */
@NullMarked
package dev.apierrors.autoconfigure.aot.app;

import org.jspecify.annotations.NullMarked;
