/**
 * The starter, as built against Spring Boot 4.1, in an application running on Spring Boot 4.0.x.
 */
@NullMarked
package dev.apierrors.compat.boot40;

import org.jspecify.annotations.NullMarked;
