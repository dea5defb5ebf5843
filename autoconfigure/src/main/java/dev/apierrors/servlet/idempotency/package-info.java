/**
 * Idempotency keys for Spring MVC: a filter that buffers the request body and captures the response of
 * requests that carry a key, and a handler interceptor that applies the rules where the handler and the
 * principal are known.
 */
@NullMarked
package dev.apierrors.servlet.idempotency;

import org.jspecify.annotations.NullMarked;
