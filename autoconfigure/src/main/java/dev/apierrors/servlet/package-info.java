/**
 * Servlet (Spring MVC) machinery that resolves exceptions and statuses to API errors and writes them, from every
 * origin: handlers, filters, {@code sendError} and the container's error dispatch.
 */
@NullMarked
package dev.apierrors.servlet;

import org.jspecify.annotations.NullMarked;
