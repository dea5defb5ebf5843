/**
 * The WebFlux filters of api-errors: the request id of every exchange (in a header, an attribute, the Reactor
 * {@code Context} and the MDC), and the error boundary that gives error statuses set without a body the uniform
 * body.
 */
@NullMarked
package dev.apierrors.reactive.filter;

import org.jspecify.annotations.NullMarked;
