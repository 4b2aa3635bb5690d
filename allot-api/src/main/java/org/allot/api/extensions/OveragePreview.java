package org.allot.api.extensions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the end of a product's overage grace period (or a deleted subscription) does, before it happens: who loses a
 * seat, in order.
 *
 * @param consumedUnits users holding a seat
 * @param capacityUnits seats of the subscriptions not deleted (enabled, warning, suspended, locked out)
 * @param beyondCapacity holders beyond {@code capacityUnits}: the seats to take back
 * @param overageUnits holders beyond enabled and warning seats, as shown on the product everywhere
 * @param overageSinceDateTime when seats were lowered below use; null when they are not
 * @param graceEndDateTime when group-derived seats are taken back; null when nothing is to be taken back, or when
 *     {@code anySource}
 * @param anySource a subscription of the product was deleted: its holders beyond capacity are taken back at once (at
 *     the next run of the step), from any source, group-derived ones first; no grace period
 * @param leftForAdministrator holders beyond capacity that stay for the administrator to decide: direct assignments,
 *     which the end of the grace period never takes back (a deleted subscription frees them too)
 * @param takenBack who loses a seat, first first
 */
public record OveragePreview(
        String skuId,
        String skuPartNumber,
        int consumedUnits,
        int capacityUnits,
        int beyondCapacity,
        int overageUnits,
        OffsetDateTime overageSinceDateTime,
        OffsetDateTime graceEndDateTime,
        boolean anySource,
        int leftForAdministrator,
        List<Entry> takenBack) {

    /**
     * A user who loses a seat.
     *
     * @param rank the highest priority among the groups the user holds the seat through
     * @param grantedDateTime the latest requestedDateTime of the user's assignments of the product; the user keeps it
     *     in the waiting list
     */
    public record Entry(
            int position,
            String userId,
            String userPrincipalName,
            String displayName,
            int rank,
            OffsetDateTime grantedDateTime) {}
}
