/**
 * Localisation of client messages through the application's {@code MessageSource}, for a bounded set of locales.
 */
@NullMarked
package dev.apierrors.core.i18n;

import org.jspecify.annotations.NullMarked;
