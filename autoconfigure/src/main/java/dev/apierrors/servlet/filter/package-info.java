/**
 * The servlet filters of api-errors: the request id on every request, and the error boundary that no error
 * passes without the uniform body.
 */
@NullMarked
package dev.apierrors.servlet.filter;

import org.jspecify.annotations.NullMarked;
