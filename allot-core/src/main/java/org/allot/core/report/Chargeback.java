package org.allot.core.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.AppliesTo;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.Subscriptions;

/**
 * The cost report (chargeback): what every product's seats cost per month and to whom they are charged, by the
 * charging rule ({@link ChargedSeats}). Reads every seat-holding assignment page by page in one consistent snapshot,
 * one product at a time, so that only one product's holders are in memory at once.
 *
 * <p>A caller whose role is scoped to administrative units is shown the seats of its units' users only: every seat is
 * charged and priced as in the tenant's report (so that a unit's lines are its share of the tenant's, whatever the
 * subscriptions' prices), and only the lines of its units' holders are kept, those holders being read in the same
 * snapshot by a query narrowed to the units ({@link ScopeGuard#unitsToNarrowTo}); seats nobody holds are the tenant's
 * and are not shown to it.
 */
public final class Chargeback {
    static final int PAGE = 5_000;

    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final Subscriptions subscriptions;
    private final Holdings holdings;
    private final Clock clock;
    private final int page;

    public Chargeback(
            Transactions transactions,
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Holdings holdings,
            Clock clock) {
        this(transactions, catalog, subscriptions, holdings, clock, PAGE);
    }

    Chargeback(
            Transactions transactions,
            ProductCatalog catalog,
            Subscriptions subscriptions,
            Holdings holdings,
            Clock clock,
            int page) {
        this.page = page;
        this.transactions = Objects.requireNonNull(transactions);
        this.catalog = Objects.requireNonNull(catalog);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.holdings = Objects.requireNonNull(holdings);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What the seats within the caller's scope cost per month now, line by line. */
    public CostReport report(Caller caller) {
        TenantId tenant = caller.tenant();
        Set<UUID> units = ScopeGuard.unitsToNarrowTo(caller);
        return transactions.snapshot(() -> {
            Instant now = clock.instant();
            InUnits shown = units == null ? null : new InUnits(tenant, units);
            Catalog products = catalog.forTenant(tenant);
            Map<SkuId, List<Subscription>> bySku = new HashMap<>();
            for (Subscription s : subscriptions.all(tenant)) {
                bySku.computeIfAbsent(s.skuId(), k -> new ArrayList<>()).add(s);
            }
            Set<SkuId> pending = new LinkedHashSet<>(bySku.keySet());
            List<CostLine> lines = new ArrayList<>();
            Run run = new Run(products, bySku, now, lines, shown == null);
            Holding.Key after = null;
            List<Holding> rows;
            do {
                rows = holdings.page(tenant, after, page, true, null);
                for (Holding h : rows) {
                    pending.remove(h.sku());
                    run.add(h, shown == null || shown.holds(h.key()));
                }
                after = rows.isEmpty() ? after : rows.get(rows.size() - 1).key();
            } while (rows.size() == page);
            run.finish();
            if (shown == null) {
                for (SkuId sku : pending) {
                    lines.addAll(new ChargedSeats(product(products, sku), bySku.get(sku), now).lines());
                }
            }
            return new CostReport(now, lines);
        });
    }

    /** A product the catalogue no longer has (a custom product removed) keeps its id as its name. */
    static Product product(Catalog products, SkuId sku) {
        return products.find(sku)
                .orElseGet(() ->
                        new Product(sku, sku.value().toString(), "Unknown product", AppliesTo.User, List.of(), true));
    }

    /** Holdings as they come (by product, then user): one product's charging at a time, one user's sources at a time. */
    private static final class Run {
        private final Catalog products;
        private final Map<SkuId, List<Subscription>> bySku;
        private final Instant now;
        private final List<CostLine> lines;
        private final boolean unassigned;
        private ChargedSeats product;
        private SkuId sku;
        private UUID user;
        private boolean userShown;
        private final List<Holding> sources = new ArrayList<>();

        Run(
                Catalog products,
                Map<SkuId, List<Subscription>> bySku,
                Instant now,
                List<CostLine> lines,
                boolean unassigned) {
            this.products = products;
            this.bySku = bySku;
            this.now = now;
            this.lines = lines;
            this.unassigned = unassigned;
        }

        /** Adds a holding; {@code shown}: whether its user's lines are shown (every source of a user is alike). */
        void add(Holding h, boolean shown) {
            if (!h.sku().equals(sku)) {
                finish();
                sku = h.sku();
                product = new ChargedSeats(product(products, sku), bySku.getOrDefault(sku, List.of()), now);
            } else if (!h.userId().equals(user)) {
                product.addLicense(sources, userShown);
                sources.clear();
            }
            if (!h.userId().equals(user)) {
                userShown = shown;
            }
            user = h.userId();
            sources.add(h);
        }

        void finish() {
            if (product != null) {
                product.addLicense(sources, userShown);
                sources.clear();
                lines.addAll(product.lines(unassigned));
                product = null;
                sku = null;
                user = null;
            }
        }
    }

    /**
     * The seat-holding assignments of the units' users, read in the same snapshot and order as the tenant's, a page at
     * a time: they come as a subsequence of the tenant's, so one holding is among them when it is the next of theirs.
     */
    private final class InUnits {
        private final TenantId tenant;
        private final Set<UUID> units;
        private List<Holding> rows = List.of();
        private int next;
        private boolean last;

        InUnits(TenantId tenant, Set<UUID> units) {
            this.tenant = tenant;
            this.units = units;
        }

        boolean holds(Holding.Key key) {
            if (next == rows.size() && !last) {
                Holding.Key after =
                        rows.isEmpty() ? null : rows.get(rows.size() - 1).key();
                rows = holdings.page(tenant, after, page, true, units);
                next = 0;
                last = rows.size() < page;
            }
            if (next < rows.size() && rows.get(next).key().equals(key)) {
                next++;
                return true;
            }
            return false;
        }
    }
}
