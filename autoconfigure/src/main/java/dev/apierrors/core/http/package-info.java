/**
 * The header policy of error responses: the request id, {@code Retry-After}, {@code WWW-Authenticate},
 * {@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff}, and which headers set earlier survive.
 */
@NullMarked
package dev.apierrors.core.http;

import org.jspecify.annotations.NullMarked;
