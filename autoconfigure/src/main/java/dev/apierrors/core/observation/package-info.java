/**
 * How a web adapter records the answered error on the request's observation, transport-neutrally.
 */
@NullMarked
package dev.apierrors.core.observation;

import org.jspecify.annotations.NullMarked;
