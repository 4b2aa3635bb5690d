package org.allot.api.extensions;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * A product's seat figures on one day (UTC), as the daily snapshot kept them ({@code /allot/v1/reports/usage}).
 *
 * @param seats seats of subscriptions that take new assignments ({@code prepaidUnits.enabled})
 * @param assigned users holding a seat ({@code consumedUnits})
 * @param available seats of enabled subscriptions nobody holds
 * @param waiting users waiting for a seat
 * @param reclaimable seats the product's reclaim policy lists (what a report-only run would report); null without a
 *     policy
 */
@JsonPropertyOrder({"date", "skuId", "skuPartNumber", "seats", "assigned", "available", "waiting", "reclaimable"})
public record UsageSnapshotResource(
        LocalDate date,
        String skuId,
        String skuPartNumber,
        int seats,
        int assigned,
        int available,
        int waiting,
        Integer reclaimable) {}
