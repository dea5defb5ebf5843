/**
 * OpenAPI documentation of the errors of every operation, through springdoc-openapi's customizer hooks, built from
 * the error catalog and the body encoder the runtime uses.
 */
@NullMarked
package dev.apierrors.openapi;

import org.jspecify.annotations.NullMarked;
