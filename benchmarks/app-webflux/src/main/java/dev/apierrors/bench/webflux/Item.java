package dev.apierrors.bench.webflux;

/**
 * An item as answered on the success path.
 *
 * @param id the id
 * @param name the name
 * @param priceCents the price in cents
 * @param currency the ISO currency code
 */
record Item(long id, String name, long priceCents, String currency) {
}
