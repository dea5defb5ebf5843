/**
 * Drop-in tests: what an existing application relied on keeps working once the starter is added.
 */
@NullMarked
package dev.apierrors.it.dropin;

import org.jspecify.annotations.NullMarked;
