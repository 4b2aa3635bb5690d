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
     * @param graceEnds when group-derived seats are taken back; null when the clock does not run
     * @param takenBack who loses a seat then, in the order they lose it
     * @param left holders beyond capacity that stay, for the administrator to decide (direct assignments)
     */
    public record Preview(
            Product product,
            SeatCount seats,
            int beyondCapacity,
            Instant overageSince,
            Instant graceEnds,
            List<SeatHolders.Holder> takenBack,
            int left) {
        public Preview {
            takenBack = List.copyOf(takenBack);
        }
    }

    /** The preview of one product, read in one unit of work. */
    public Preview preview(TenantId tenant, SkuId sku) {
        return preview(tenant, sku.toString()).orElseThrow();
    }

    /** The preview of a product named by id or part number; empty when the tenant's catalogue has no such product. */
    public Optional<Preview> preview(TenantId tenant, String product) {
        return transactions.read(() -> catalog.forTenant(tenant).lookup(product).map(p -> previewRead(tenant, p)));
    }

    private Preview previewRead(TenantId tenant, Product product) {
        SkuId sku = product.skuId();
        SeatCount count = seats.all(tenant).getOrDefault(sku, SeatCount.EMPTY);
        int beyond = count.beyondCapacity();
        List<SeatHolders.Holder> order = beyond == 0 ? List.of() : holders.inTakeBackOrder(tenant, sku, true, beyond);
        Optional<Instant> since = clocks.since(tenant, sku);
        Instant ends =
                since.map(s -> s.plus(settings.of(tenant).overageGrace())).orElse(null);
        return new Preview(product, count, beyond, since.orElse(null), ends, order, beyond - order.size());
    }

    /**
     * Takes back the seats of every product whose grace period has passed; stops the clocks of products no longer
     * beyond capacity. Returns how many seats were taken back.
     */
    public int advance() {
        Instant now = clock.instant();
        int taken = 0;
        List<OverageClocks.Clock> running = transactions.read(clocks::running);
        for (OverageClocks.Clock c : running) {
            Instant ends = c.since()
                    .plus(transactions.read(() -> settings.of(c.tenant())).overageGrace());
            if (!now.isBefore(ends)) {
                taken += takeBack.takeBack(
                                Caller.of(c.tenant(), SeatTakeBack.CAPACITY), c.sku(), SeatTakeBack.Scope.GROUPS_ONLY)
                        .takenBack()
                        .size();
            } else if (transactions
                            .read(() -> seats.all(c.tenant()))
                            .getOrDefault(c.sku(), SeatCount.EMPTY)
                            .beyondCapacity()
                    == 0) {
                transactions.run(() -> {
                    if (seats.lock(c.tenant(), c.sku()).beyondCapacity() == 0) {
                        clocks.stop(c.tenant(), c.sku());
                    }
                    return null;
                });
            }
        }
        return taken;
    }
}
