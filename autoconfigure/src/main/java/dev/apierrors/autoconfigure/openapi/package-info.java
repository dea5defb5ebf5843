/**
 * Auto-configuration of the OpenAPI documentation of every operation's errors, with springdoc-openapi.
 */
@NullMarked
package dev.apierrors.autoconfigure.openapi;

import org.jspecify.annotations.NullMarked;
