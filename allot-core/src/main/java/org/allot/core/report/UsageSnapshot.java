package org.allot.core.report;

import java.time.LocalDate;
import java.util.Objects;
import org.allot.core.catalog.SkuId;

/**
 * A product's seat figures on one day (UTC), as the daily snapshot kept them.
 *
 * @param seats seats of subscriptions that take new assignments ({@code prepaidUnits.enabled})
 * @param assigned users holding a seat ({@code consumedUnits})
 * @param available seats of enabled subscriptions nobody holds
 * @param waiting users waiting for a seat
 * @param reclaimable seats the product's reclaim policy lists (what a report-only run would report); null when the
 *     product has no policy
 */
public record UsageSnapshot(
        LocalDate day, SkuId sku, int seats, int assigned, int available, int waiting, Integer reclaimable) {
    public UsageSnapshot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(sku, "sku");
    }
}
