/**
 * Auto-configuration of the client side of api-errors: the request id on outgoing calls, the decoding of other
 * services' error responses, and the rules for upstream and resilience failures.
 */
@NullMarked
package dev.apierrors.autoconfigure.client;

import org.jspecify.annotations.NullMarked;
