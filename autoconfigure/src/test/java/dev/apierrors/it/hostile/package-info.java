/**
 * The hostile-input, fault and load suite: attacks on the starter over real HTTP and raw sockets.
 */
package dev.apierrors.it.hostile;
