/**
 * Rate limits of rate-limiting libraries turned into the starter's 429 and its rate-limit headers.
 */
@NullMarked
package dev.apierrors.ratelimit;

import org.jspecify.annotations.NullMarked;
