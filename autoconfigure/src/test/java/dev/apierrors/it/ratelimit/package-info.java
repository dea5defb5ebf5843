/**
 * Rate-limit headers over real HTTP.
 */
@NullMarked
package dev.apierrors.it.ratelimit;

import org.jspecify.annotations.NullMarked;
