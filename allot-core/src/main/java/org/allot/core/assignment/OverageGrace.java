package org.allot.core.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.LifecycleSettings;
import org.allot.core.subscription.OverageClocks;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * The overage grace period (issue 18): seats lowered below use on an active subscription are left as an overage for
 * the tenant's grace period ({@code LifecyclePeriods.overageGraceDays}, 30 days by default), counted from the cut
 * ({@link OverageClocks}); once it has passed, group-derived seats are taken back ({@link SeatTakeBack},
 * {@link SeatTakeBack.Scope#GROUPS_ONLY}). Nothing happens before. A scheduled step, like the subscriptions' calendar:
 * idempotent and safe on every server at once, since each take-back decides again under the product's seat lock.
 */
public final class OverageGrace {
    private final Transactions transactions;
    private final OverageClocks clocks;
    private final LifecycleSettings settings;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final SeatHolders holders;
    private final SeatTakeBack takeBack;
    private final Clock clock;

    OverageGrace(
            Transactions transactions,
            OverageClocks clocks,
            LifecycleSettings settings,
            Seats seats,
            ProductCatalog catalog,
            SeatHolders holders,
            SeatTakeBack takeBack,
            Clock clock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.holders = Objects.requireNonNull(holders);
        this.transactions = Objects.requireNonNull(transactions);
        this.clocks = Objects.requireNonNull(clocks);
        this.settings = Objects.requireNonNull(settings);
        this.seats = Objects.requireNonNull(seats);
        this.takeBack = Objects.requireNonNull(takeBack);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * What the end of the grace period does to a product, before it happens.
     *
     * @param seats the product's seat figures
     * @param beyondCapacity holders beyond every seat not deleted ({@link SeatCount#beyondCapacity})
     * @param overageSince when seats were lowered below use; null when the clock does not run
     * @param graceEnds when group-derived seats are taken back; null when the clock does not run, and when a deleted
     *     subscription's holders are taken back at the step's next run ({@code anySource})
     * @param anySource a subscription of the product was deleted with holders beyond its capacity: they are taken back
     *     at once, from any source (direct ones last), not after a grace period
     * @param takenBack who loses a seat then, in the order they lose it
     * @param left holders beyond capacity that stay, for the administrator to decide (direct assignments, unless
     *     {@code anySource})
     */
    public record Preview(
            Product product,
            SeatCount seats,
            int beyondCapacity,
            Instant overageSince,
            Instant graceEnds,
            boolean anySource,
            List<SeatHolders.Holder> takenBack,
            int left) {
        public Preview {
            takenBack = List.copyOf(takenBack);
        }
    }

    /** The preview of a product named by id or part number; empty when the tenant's catalogue has no such product. */
    public Optional<Preview> preview(TenantId tenant, String product) {
        return transactions.read(() -> catalog.forTenant(tenant).lookup(product).map(p -> previewRead(tenant, p)));
    }

    /** The preview of a product, read in the caller's unit of work. */
    Preview previewRead(TenantId tenant, Product product) {
        SkuId sku = product.skuId();
        SeatCount count = seats.all(tenant).getOrDefault(sku, SeatCount.EMPTY);
        int beyond = count.beyondCapacity();
        Optional<OverageClocks.Clock> running = clocks.find(tenant, sku);
        boolean anySource = running.filter(OverageClocks.Clock::anySource).isPresent();
        List<SeatHolders.Holder> order =
                beyond == 0 ? List.of() : holders.inTakeBackOrder(tenant, sku, !anySource, beyond);
        Instant since = running.map(OverageClocks.Clock::since).orElse(null);
        Instant ends = since == null || anySource
                ? null
                : since.plus(settings.of(tenant).overageGrace());
        return new Preview(product, count, beyond, since, ends, anySource, order, beyond - order.size());
    }

    /**
     * Takes back the seats of every product whose grace period has passed, and of every product a deleted
     * subscription left beyond capacity (from any source; what the take-back after the delete did not finish); stops
     * the clocks of products no longer beyond capacity. Returns how many seats were taken back.
     */
    public int advance() {
        Instant now = clock.instant();
        int taken = 0;
        List<OverageClocks.Clock> running = transactions.read(clocks::running);
        for (OverageClocks.Clock c : running) {
            Instant ends = c.since()
                    .plus(transactions.read(() -> settings.of(c.tenant())).overageGrace());
            if (c.anySource() || !now.isBefore(ends)) {
                SeatTakeBack.Scope scope =
                        c.anySource() ? SeatTakeBack.Scope.ANY_SOURCE : SeatTakeBack.Scope.GROUPS_ONLY;
                taken += takeBack.takeBack(Caller.of(c.tenant(), SeatTakeBack.CAPACITY), c.sku(), scope)
                        .takenBack()
                        .size();
            } else if (transactions
                            .read(() -> seats.all(c.tenant()))
                            .getOrDefault(c.sku(), SeatCount.EMPTY)
                            .beyondCapacity()
                    == 0) {
                transactions.run(() -> clocks.stopOnceSettled(c.tenant(), c.sku(), seats.lock(c.tenant(), c.sku())));
            }
        }
        return taken;
    }
}
