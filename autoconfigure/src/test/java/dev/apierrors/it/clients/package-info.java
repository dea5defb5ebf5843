/**
 * Two services calling each other: an upstream and a gateway that calls it through an HTTP interface client,
 * {@code RestClient} and {@code WebClient}.
 */
@NullMarked
package dev.apierrors.it.clients;

import org.jspecify.annotations.NullMarked;
