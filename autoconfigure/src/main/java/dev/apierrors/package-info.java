/**
 * Public API of api-errors: typed exceptions that carry their HTTP semantics, the {@link dev.apierrors.ApiError}
 * annotation, and the extension interfaces applications implement.
 */
@NullMarked
package dev.apierrors;

import org.jspecify.annotations.NullMarked;
