/**
 * Two services calling each other: an upstream and a gateway that calls it through an HTTP interface client,
 * {@code RestClient} and {@code WebClient}.
 */
package dev.apierrors.it.clients;
