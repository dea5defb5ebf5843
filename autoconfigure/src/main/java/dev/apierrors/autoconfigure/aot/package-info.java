/**
 * Ahead-of-time processing: the runtime hints a native image needs and the settings fixed at build time.
 */
@NullMarked
package dev.apierrors.autoconfigure.aot;

import org.jspecify.annotations.NullMarked;
