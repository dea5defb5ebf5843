/**
 * The small app that the end-to-end benchmark builds in several variants.
 */
@NullMarked
package dev.apierrors.bench;

import org.jspecify.annotations.NullMarked;
