package org.allot.api.extensions;

import java.util.List;

/**
 * A product's reclaim policy ({@code PUT /allot/v1/reclaim/policies/{skuId or skuPartNumber}}): list holders without a
 * sign-in for {@code inactiveDays}, or disabled or deleted for {@code disabledDays}; never the users of
 * {@code exemptUserIds} nor the members of {@code exemptGroupIds}; not licenses granted in the last
 * {@code recentDays}; {@code mode} {@code ReportOnly} (default) or {@code Act} for the daily run.
 */
public record ReclaimPolicyResource(
        String skuId,
        String skuPartNumber,
        Integer inactiveDays,
        Integer disabledDays,
        Integer recentDays,
        List<String> exemptUserIds,
        List<String> exemptGroupIds,
        String mode) {}
