package org.allot.api.extensions;

import java.util.List;

/**
 * A product's seats by pool ({@code GET /allot/v1/subscribedSkus/{sku}/allotments}): its enabled seats, each
 * allotment with its figures, and the unallotted remainder's.
 *
 * @param remainder the seats in no pool: {@code seats} (the enabled seats less the pools'), {@code consumedUnits} and
 *     {@code waitingUnits}; its id, owner, cap and position are null
 */
public record AllotmentSummary(
        String skuId,
        String skuPartNumber,
        Integer enabledUnits,
        List<AllotmentResource> value,
        AllotmentResource remainder) {
    public AllotmentSummary {
        value = value == null ? List.of() : List.copyOf(value);
    }
}
