/**
 * The path from a resolved error to a complete response: localised message, customizers, one log line, headers
 * and body, in one renderer every web adapter calls.
 */
@NullMarked
package dev.apierrors.core.render;

import org.jspecify.annotations.NullMarked;
