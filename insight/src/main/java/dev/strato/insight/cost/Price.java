package dev.strato.insight.cost;

import dev.strato.model.providers.Provider;
import java.math.BigDecimal;

/**
 * One row of the prices table: a provider's meter in a region, its unit price in USD, the free
 * amount per month (per account, subscription or billing account, as the provider states it), the
 * page it comes from and the date it was read.
 *
 * @param read the date the price was read from {@code source}; null when strato's authors took it
 *             from the page earlier and this table has not re-read it (the output says so)
 */
public record Price(
        Provider provider,
        String region,
        String meter,
        String unit,
        BigDecimal price,
        BigDecimal freePerMonth,
        String source,
        String read) {

    public boolean verified() {
        return read != null;
    }
}
