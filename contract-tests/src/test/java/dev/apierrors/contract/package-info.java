/**
 * The error contract checked on both web stacks from one list of cases.
 */
@NullMarked
package dev.apierrors.contract;

import org.jspecify.annotations.NullMarked;
