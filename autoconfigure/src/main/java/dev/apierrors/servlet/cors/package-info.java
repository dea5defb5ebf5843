/**
 * CORS rejections answered with the uniform body, in Spring MVC's handler mappings and Spring Security's
 * {@code CorsFilter}s.
 */
@NullMarked
package dev.apierrors.servlet.cors;

import org.jspecify.annotations.NullMarked;
