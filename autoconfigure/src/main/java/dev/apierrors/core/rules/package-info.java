/**
 * The rules for the exceptions of the libraries a Spring service uses (Spring web, bean validation, Jackson,
 * Spring Data, Spring Security), each contributed only when its library is present; client messages never repeat
 * an exception's own text, which names Java classes and echoes rejected values.
 */
@NullMarked
package dev.apierrors.core.rules;

import org.jspecify.annotations.NullMarked;
