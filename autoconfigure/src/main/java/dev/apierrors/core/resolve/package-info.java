/**
 * Resolution of an exception, or a bare status, to the error that answers it: the precedence of typed exceptions,
 * mappers, configured mappings, annotations and library rules, decided once per exception class.
 */
@NullMarked
package dev.apierrors.core.resolve;

import org.jspecify.annotations.NullMarked;
