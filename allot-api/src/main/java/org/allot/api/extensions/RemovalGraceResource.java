package org.allot.api.extensions;

import java.util.List;

/**
 * How many days a product holds a removed license before its seat is freed (0: at once), and the licenses of it that
 * are pending removal now, the earliest freed first (at most 1,000).
 */
public record RemovalGraceResource(
        String skuId, String skuPartNumber, int removalGraceDays, List<LicensePendingRemoval> pendingRemovals) {}
