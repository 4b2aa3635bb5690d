package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * Read use case: allotments (docs/delegation.md#allotments) as readers see them: a SKU's pools with their figures and
 * the remainder's, every pooled SKU's (for reports), one pool, and the pools an administrative unit or a group owns.
 * Open to every reader (a unit's administrator included: the SKU's totals are read-only for them); the pools' changes
 * are {@link SeatAllotments}'.
 */
public final class AllotmentFigures {
    private final Transactions transactions;
    private final Allotments allotments;
    private final Seats seats;
    private final ProductCatalog catalog;

    AllotmentFigures(Transactions transactions, Allotments allotments, Seats seats, ProductCatalog catalog) {
        this.transactions = Objects.requireNonNull(transactions);
        this.allotments = Objects.requireNonNull(allotments);
        this.seats = Objects.requireNonNull(seats);
        this.catalog = Objects.requireNonNull(catalog);
    }

    /** The SKU's pools with their figures; empty when the tenant has no such product. */
    public Optional<PoolFigures> figures(TenantId tenant, String skuIdOrPartNumber) {
        return transactions.read(
                () -> catalog.forTenant(tenant).lookup(skuIdOrPartNumber).map(p -> figuresRead(tenant, p)));
    }

    /**
     * The pools owned by this administrative unit or group, each as "'name' of product" (none: empty), read in the
     * caller's unit of work.
     */
    public List<String> ownedBy(TenantId tenant, UUID owner) {
        return allotments.book(tenant).ownedBy(owner).stream()
                .map(a -> "'" + a.displayName() + "' of " + productLabel(tenant, a.sku()))
                .toList();
    }

    /** Every pooled SKU's figures, for reports. */
    public List<PoolFigures> all(TenantId tenant) {
        return transactions.read(() -> {
            PoolBook book = allotments.book(tenant);
            Map<SkuId, SeatCount> counts = seats.all(tenant);
            Map<AllotmentId, AllotmentCount> pools = book.isEmpty() ? Map.of() : allotments.counts(tenant);
            List<PoolFigures> all = new ArrayList<>();
            counts.keySet().stream()
                    .sorted()
                    .filter(book::pooled)
                    .forEach(sku ->
                            all.add(PoolFigures.of(sku, productLabel(tenant, sku), book, counts.get(sku), pools)));
            return all;
        });
    }

    /** A pool of the tenant. */
    public Optional<Allotment> find(TenantId tenant, AllotmentId id) {
        return transactions.read(() -> allotments.find(tenant, id));
    }

    private PoolFigures figuresRead(TenantId tenant, Product product) {
        SkuId sku = product.skuId();
        PoolBook book = allotments.book(tenant);
        SeatCount count = seats.all(tenant).getOrDefault(sku, SeatCount.EMPTY);
        return PoolFigures.of(
                sku, product.skuPartNumber(), book, count, book.pooled(sku) ? allotments.counts(tenant) : Map.of());
    }

    private String productLabel(TenantId tenant, SkuId sku) {
        return catalog.forTenant(tenant).productLabel(sku);
    }
}
