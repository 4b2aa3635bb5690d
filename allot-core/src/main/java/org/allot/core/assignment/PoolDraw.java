package org.allot.core.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.core.catalog.SkuId;

/**
 * Which pool each SKU's seat of one user is drawn from, for one {@link Evaluation}: the pool the user held or waited
 * in before, the pool {@link PoolBook#choose} says now, and the ledger's steps between them. A user who holds a seat
 * and whose pool changes (moved to another unit, a pool named or deleted) moves to the new pool when it has a seat free
 * for a newcomer, and otherwise keeps the seat where it is: a reorganisation takes no license away. A waiting user
 * whose pool changes leaves the old pool's list and joins the new one's, keeping their request's time. A SKU without
 * pools always draws from the remainder (null), so nothing changes for it.
 */
final class PoolDraw {
    private final LicenseSubject subject;
    private final LicensingEngine.Context context;
    private final SeatLedger ledger;
    private final Map<SkuId, AllotmentId> seatBefore = new HashMap<>();
    private final Map<SkuId, AllotmentId> waitBefore = new HashMap<>();
    private final Map<SkuId, AllotmentId> seat = new HashMap<>();
    private final Map<SkuId, AllotmentId> wait = new HashMap<>();

    PoolDraw(
            LicenseSubject subject,
            List<LicenseAssignment> before,
            LicensingEngine.Context context,
            SeatLedger ledger) {
        this.subject = subject;
        this.context = context;
        this.ledger = ledger;
        for (LicenseAssignment a : before) {
            if (a.holdsSeat()) {
                seatBefore.putIfAbsent(a.sku(), ledger.knownPool(a.pool()));
            } else if (a.isWaiting()) {
                waitBefore.putIfAbsent(a.sku(), ledger.knownPool(a.pool()));
            }
        }
        seat.putAll(seatBefore);
    }

    private AllotmentId choose(SkuId sku, List<LicenseAssignment> candidates) {
        if (!context.pools().pooled(sku)) {
            return null;
        }
        return context.pools()
                .choose(
                        sku,
                        candidates.stream().map(LicenseAssignment::source).toList(),
                        () -> context.unitsOf(subject.id()))
                .orElse(null);
    }

    /** A seat held before stays held: in the pool chosen now when it has room, or else where it was. */
    void keep(SkuId sku, List<LicenseAssignment> candidates) {
        AllotmentId chosen = choose(sku, candidates);
        AllotmentId from = seatBefore.get(sku);
        if (!Objects.equals(chosen, from) && ledger.tryMove(sku, from, chosen, subject.id())) {
            seat.put(sku, chosen);
        }
    }

    /** Takes a seat from the chosen pool, or waits in it; a user who waited in another pool waits anew. */
    boolean take(SkuId sku, List<LicenseAssignment> candidates, boolean waitingBefore) {
        AllotmentId chosen = choose(sku, candidates);
        boolean stillWaiting = waitingBefore && Objects.equals(waitBefore.get(sku), chosen);
        boolean taken = ledger.tryTake(sku, chosen, subject.id(), stillWaiting);
        (taken ? seat : wait).put(sku, chosen);
        return taken;
    }

    /** A seat held before and taken back by capacity: the user waits in the pool chosen now. */
    void waitAfterTakeBack(SkuId sku, List<LicenseAssignment> candidates) {
        wait.put(sku, choose(sku, candidates));
    }

    /** The pool the user's seat of the SKU counts in (null: the remainder). */
    AllotmentId seat(SkuId sku) {
        return seat.get(sku);
    }

    AllotmentId waitBefore(SkuId sku) {
        return waitBefore.get(sku);
    }

    AllotmentId waitNow(SkuId sku) {
        return wait.get(sku);
    }

    /** Whether the user waited before and waits now, but for another pool. */
    boolean waitMoved(SkuId sku) {
        return !Objects.equals(waitBefore.get(sku), wait.get(sku));
    }
}
