/**
 * JMH micro-benchmarks of the starter's per-request pieces.
 */
package dev.apierrors.jmh;
