package org.allot.api.extensions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A reclaim run's report (or a preview's, without {@code id}): each listed seat, and what freeing them all saves per
 * month per currency.
 */
public record ReclaimReportResource(
        String id,
        OffsetDateTime ranDateTime,
        String actor,
        boolean applied,
        Map<String, BigDecimal> monthlySavings,
        List<Item> items) {

    /**
     * One listed seat: who, which product, why and since when, what reclaiming it takes ({@code RemoveDirect},
     * {@code RemoveFromGroups} naming {@code groups}, {@code FreedAtPermanentDeletion}), what it saves per month, and
     * what the run did ({@code Reported}, {@code Removed}, {@code Left}, {@code AlreadyGone}, {@code Refused}).
     */
    public record Item(
            String userId,
            String userPrincipalName,
            String displayName,
            String skuId,
            String skuPartNumber,
            String reason,
            OffsetDateTime since,
            String action,
            List<String> groups,
            BigDecimal monthlySaving,
            String currency,
            String outcome,
            String message) {}
}
