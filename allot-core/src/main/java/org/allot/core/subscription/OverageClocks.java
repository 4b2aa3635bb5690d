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
    /** The clock of one product of one tenant. */
    record Clock(TenantId tenant, SkuId sku, Instant since) {}

    /** Since when the product's seats have been below use, if they are. */
    Optional<Instant> since(TenantId tenant, SkuId sku);

    /** Starts the product's clock at {@code at}, unless it runs already (then it keeps its start). */
    void start(TenantId tenant, SkuId sku, Instant at);

    /** Stops the product's clock, if it runs. */
    void stop(TenantId tenant, SkuId sku);

    /** Every running clock, of every tenant (few: only products whose seats are below use), earliest first. */
    List<Clock> running();

    /** For installations without overage clocks: none ever runs. */
    OverageClocks NONE = new OverageClocks() {
        @Override
        public Optional<Instant> since(TenantId tenant, SkuId sku) {
            return Optional.empty();
        }

        @Override
        public void start(TenantId tenant, SkuId sku, Instant at) {}

        @Override
        public void stop(TenantId tenant, SkuId sku) {}

        @Override
        public List<Clock> running() {
            return List.of();
        }
    };
}
