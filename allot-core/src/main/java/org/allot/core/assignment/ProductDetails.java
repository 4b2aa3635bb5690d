package org.allot.core.assignment;

import java.util.Objects;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.Transactions;

/**
 * A product as its page in the admin center shows it, read in one unit of work: its seat figures, subscriptions,
 * holders and waiting list ({@link LicenseHolders}), its removal grace and pending removals ({@link PendingRemovals}),
 * for a product holding users beyond its enabled and warning seats, who loses a seat next ({@link OverageGrace}), and
 * whether it may be assigned directly ({@link GroupOnly}).
 */
public final class ProductDetails {
    private final Transactions transactions;
    private final LicenseHolders holders;
    private final PendingRemovals removals;
    private final OverageGrace grace;
    private final GroupOnly groupOnly;
    private final AllotmentFigures allotments;

    public ProductDetails(
            Transactions transactions,
            LicenseHolders holders,
            PendingRemovals removals,
            OverageGrace grace,
            GroupOnly groupOnly,
            AllotmentFigures allotments) {
        this.allotments = Objects.requireNonNull(allotments);
        this.groupOnly = Objects.requireNonNull(groupOnly);
        this.transactions = Objects.requireNonNull(transactions);
        this.holders = Objects.requireNonNull(holders);
        this.removals = Objects.requireNonNull(removals);
        this.grace = Objects.requireNonNull(grace);
    }

    /**
     * A product's page.
     *
     * @param takeBack who loses a seat next; null unless the product holds users beyond its enabled and warning seats
     * @param pools the product's allotments with their figures and the remainder's; null when it has none
     */
    public record Details(
            LicenseHolders.ProductHolders product,
            PendingRemovals.ProductRemovals removals,
            OverageGrace.Preview takeBack,
            GroupOnly.ProductPolicy groupOnly,
            PoolFigures pools) {
        public Details {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(removals, "removals");
            Objects.requireNonNull(groupOnly, "groupOnly");
        }
    }

    /**
     * The page of a product named by SKU id or part number, with pages of its holders and waiting list from
     * {@code holdersFrom} and {@code waitingFrom}, at most {@code limit} each; empty when the tenant's catalogue has no
     * such product.
     */
    public Optional<Details> of(TenantId tenant, String sku, int holdersFrom, int waitingFrom, int limit) {
        return transactions.read(() -> holders.productRead(tenant, sku, holdersFrom, waitingFrom, limit)
                .map(found -> new Details(
                        found,
                        removals.ofProductRead(tenant, found.product()),
                        found.figures() != null && found.figures().seats().overage() > 0
                                ? grace.previewRead(tenant, found.product())
                                : null,
                        groupOnly
                                .productRead(tenant, found.product().skuId().toString())
                                .orElseThrow(),
                        allotments
                                .figures(tenant, found.product().skuId().toString())
                                .filter(f -> !f.pools().isEmpty())
                                .orElse(null))));
    }
}
