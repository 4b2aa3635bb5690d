package org.allot.api.extensions;

/**
 * An allotment: a pool of a product's seats with a hard cap, owned by an administrative unit or a group (Allot's own;
 * Microsoft 365's allotments are a private preview with no Graph shape). A POST sends {@code displayName},
 * {@code ownerType} and {@code ownerId}, {@code cap} and optionally {@code position}; a PATCH any of them.
 *
 * @param ownerType {@code administrativeUnit} or {@code group}
 * @param cap the most seats the pool may hold
 * @param position its place in the product's order of pools, from 1: a user whose units own several pools draws from
 *     the first, and a subscription that shrinks below the caps fills the first ones first
 * @param seats the seats the pool has now: its cap, or fewer when the product has fewer enabled seats than the caps
 * @param consumedUnits users holding a seat drawn from the pool
 * @param waitingUnits users waiting for one of its seats
 */
public record AllotmentResource(
        String id,
        String skuId,
        String skuPartNumber,
        String displayName,
        String ownerType,
        String ownerId,
        Integer cap,
        Integer position,
        Integer seats,
        Integer consumedUnits,
        Integer waitingUnits) {}
