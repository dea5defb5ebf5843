/**
 * The starter inside Spring MVC test slices.
 */
@NullMarked
package dev.apierrors.it.slice;

import org.jspecify.annotations.NullMarked;
