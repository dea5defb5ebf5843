/**
 * Static resources in Spring MVC: an index of what the application's jars hold under the static locations, so that
 * a request for a path that no controller and no file answers is a 404 without asking the class loader.
 */
@NullMarked
package dev.apierrors.servlet.resource;

import org.jspecify.annotations.NullMarked;
