/**
 * The error catalog, the errorcodes endpoint and the OpenAPI documentation over real HTTP.
 */
package dev.apierrors.it.catalog;
