/**
 * Calls to other services: the answers to the failures of Spring's HTTP clients ({@code RestClient},
 * {@code RestTemplate}, {@code WebClient} and the HTTP interface clients built on them).
 */
@NullMarked
package dev.apierrors.client;

import org.jspecify.annotations.NullMarked;
