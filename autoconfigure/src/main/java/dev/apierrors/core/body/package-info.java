/**
 * The encoders of error bodies in both wire formats, simple JSON and RFC 9457 problem details: bytes only, no
 * I/O.
 */
@NullMarked
package dev.apierrors.core.body;

import org.jspecify.annotations.NullMarked;
