/**
 * Spring Security on WebFlux: the starter's defaults for every filter chain.
 */
@NullMarked
package dev.apierrors.contract.security;

import org.jspecify.annotations.NullMarked;
