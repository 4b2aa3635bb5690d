package org.allot.core.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/**
 * Port: since when each product's seats have been below use because seats were lowered: the clock of the overage
 * grace period. A product has a clock only while it holds users beyond its capacity ({@link
 * SeatCount#beyondCapacity}); changed under the product's seat lock.
 */
public interface OverageClocks {
    /**
     * The clock of one product of one tenant; {@code anySource} when a subscription of the product was deleted and
     * its holders beyond capacity are to be taken back at once, from any source ({@link #deleted}).
     */
    record Clock(TenantId tenant, SkuId sku, Instant since, boolean anySource) {}

    /** The product's clock, if it runs: since when its seats have been below use, and whether from a delete. */
    Optional<Clock> find(TenantId tenant, SkuId sku);

    /** Starts the product's clock at {@code at}, unless it runs already (then it keeps its start). */
    void start(TenantId tenant, SkuId sku, Instant at);

    /**
     * A subscription of the product was deleted with holders beyond its capacity: they are taken back at once, from
     * any source. Marked in the delete's unit of work, so that the step takes them back if the take-back that follows
     * the commit does not (a server stopping between the two, a holder gone meanwhile). Keeps the clock's start.
     */
    void deleted(TenantId tenant, SkuId sku, Instant at);

    /** Stops the product's clock, if it runs. */
    void stop(TenantId tenant, SkuId sku);

    /** Every running clock, of every tenant (few: only products whose seats are below use), earliest first. */
    List<Clock> running();

    /**
     * The one rule that ends a clock: a product's clock runs only while it holds users beyond its capacity, so it
     * stops once {@code locked}, the product's seat figures read under its seat lock, holds nobody beyond. Returns
     * whether it was stopped (or did not run).
     */
    default boolean stopOnceSettled(TenantId tenant, SkuId sku, SeatCount locked) {
        if (locked.beyondCapacity() > 0) {
            return false;
        }
        stop(tenant, sku);
        return true;
    }
}
