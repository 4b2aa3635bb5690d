package org.allot.core.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.catalog.Product;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.Subscriptions;

/**
 * Reads who holds each product and who waits for it, in the order the waiting list is served, with the product's
 * seat figures and subscriptions. Each read is one unit of work.
 */
public final class LicenseHolders {
    private final Transactions transactions;
    private final ProductCatalog catalog;
    private final SubscriptionBook book;
    private final Subscriptions subscriptions;
    private final Seats seats;
    private final LicenseQueries queries;

    public LicenseHolders(
            Transactions transactions,
            ProductCatalog catalog,
            SubscriptionBook book,
            Subscriptions subscriptions,
            Seats seats,
            LicenseQueries queries) {
        this.transactions = Objects.requireNonNull(transactions);
        this.catalog = Objects.requireNonNull(catalog);
        this.book = Objects.requireNonNull(book);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.seats = Objects.requireNonNull(seats);
        this.queries = Objects.requireNonNull(queries);
    }

    /** A page of a product's waiting list, with the product's seat figures. */
    public record WaitingList(Product product, SeatCount seats, List<LicenseQueries.WaitingEntry> entries) {}

    /**
     * The waiting list of a product named by SKU id or part number, from {@code offset}, at most {@code limit}
     * entries; empty when the catalogue has no such product.
     */
    public Optional<WaitingList> waitingList(TenantId tenant, String sku, int offset, int limit) {
        return transactions.read(() -> catalog.forTenant(tenant)
                .lookup(sku)
                .map(product -> new WaitingList(
                        product,
                        seats.all(tenant).getOrDefault(product.skuId(), SeatCount.EMPTY),
                        queries.waitingList(tenant, product.skuId(), offset, limit))));
    }

    /**
     * A product with its seat figures (null when the tenant has never subscribed to it), its subscriptions that are
     * not deleted (oldest first), a page of who holds it (assignments not waiting: holding a seat, or in another
     * error) with their total, and a page of who waits for it with their total.
     */
    public record ProductHolders(
            Product product,
            SubscribedSku figures,
            List<Subscription> subscriptions,
            List<LicenseQueries.Holder> holders,
            int holderCount,
            List<LicenseQueries.WaitingEntry> waiting,
            int waitingCount) {}

    /** Pages of a product's holders and waiting list; empty when the catalogue has no such product. */
    public Optional<ProductHolders> product(TenantId tenant, String sku, int holdersFrom, int waitingFrom, int limit) {
        return transactions.read(() -> productRead(tenant, sku, holdersFrom, waitingFrom, limit));
    }

    /** {@link #product}, read in the caller's unit of work. */
    Optional<ProductHolders> productRead(TenantId tenant, String sku, int holdersFrom, int waitingFrom, int limit) {
        return catalog.forTenant(tenant)
                .lookup(sku)
                .map(product -> new ProductHolders(
                        product,
                        book.subscribedSku(tenant, product.skuId()).orElse(null),
                        subscriptions.ofSku(tenant, product.skuId()).stream()
                                .filter(s -> s.status() != SubscriptionStatus.Deleted)
                                .sorted(Comparator.comparing(Subscription::createdDateTime))
                                .toList(),
                        queries.holders(tenant, product.skuId(), holdersFrom, limit),
                        queries.holderCount(tenant, product.skuId()),
                        queries.waitingList(tenant, product.skuId(), waitingFrom, limit),
                        seats.all(tenant)
                                .getOrDefault(product.skuId(), SeatCount.EMPTY)
                                .waiting()));
    }
}
