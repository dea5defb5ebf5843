package dev.apierrors.bench.webflux;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /items}, with a few constraints that the benchmark's invalid body all breaks.
 *
 * @param name the name
 * @param priceCents the price in cents
 * @param currency the ISO currency code
 */
record NewItem(@NotBlank String name, @Positive long priceCents, @Pattern(regexp = "[A-Z]{3}") String currency) {
}
