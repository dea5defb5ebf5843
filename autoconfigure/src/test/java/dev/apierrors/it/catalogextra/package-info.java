/**
 * Error codes of a library outside the catalog test application's packages.
 */
package dev.apierrors.it.catalogextra;
