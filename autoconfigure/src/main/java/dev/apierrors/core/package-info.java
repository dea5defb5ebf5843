/**
 * The transport-neutral model of an error on its way out: the resolved error, the cause chain it came from, the
 * exchange a web adapter describes it with, and the text rules every part shares; no servlet or reactive type is
 * used here or in any sub-package.
 */
@NullMarked
package dev.apierrors.core;

import org.jspecify.annotations.NullMarked;
