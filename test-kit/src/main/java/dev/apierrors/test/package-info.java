/**
 * AssertJ assertions for api-errors responses, from any client a Spring test uses.
 */
@NullMarked
package dev.apierrors.test;

import org.jspecify.annotations.NullMarked;
