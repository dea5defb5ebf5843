/**
 * The starter beside Spring Security login mechanisms that bring their own entry point.
 */
@NullMarked
package dev.apierrors.it.login;

import org.jspecify.annotations.NullMarked;
