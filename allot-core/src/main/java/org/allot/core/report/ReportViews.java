package org.allot.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.AllotmentFigures;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;

/**
 * What the admin center's reports page shows, read in one consistent view: the costs, a product's usage history, and
 * the seats of the products split into allotments, by pool.
 */
public final class ReportViews {
    /** The shortest and longest periods of the usage chart, in days. */
    public static final int MIN_DAYS = 7;

    public static final int MAX_DAYS = 366;

    private final Transactions transactions;
    private final Chargeback chargeback;
    private final UsageHistory history;
    private final SubscriptionBook book;
    private final AllotmentFigures allotments;

    public ReportViews(
            Transactions transactions,
            Chargeback chargeback,
            UsageHistory history,
            SubscriptionBook book,
            AllotmentFigures allotments) {
        this.transactions = Objects.requireNonNull(transactions);
        this.chargeback = Objects.requireNonNull(chargeback);
        this.history = Objects.requireNonNull(history);
        this.book = Objects.requireNonNull(book);
        this.allotments = Objects.requireNonNull(allotments);
    }

    /**
     * The costs, the products the tenant subscribes to, and the usage history of one of them over the last {@code
     * days} days up to today.
     *
     * @param product the product shown; null when the tenant subscribes to none
     * @param allotments each product split into allotments, with its pools' figures and the remainder's
     */
    public record Overview(
            CostReport costs,
            List<SubscribedSku> products,
            SubscribedSku product,
            LocalDate from,
            LocalDate to,
            List<UsageSnapshot> usage,
            List<PoolFigures> allotments) {
        public Overview {
            products = List.copyOf(products);
            usage = List.copyOf(usage);
            allotments = List.copyOf(allotments);
        }
    }

    /**
     * The overview with the usage of the product named by SKU id or part number (blank: the first subscribed one);
     * refused when no subscribed product has that name, or {@code days} is out of {@link #MIN_DAYS} to {@link
     * #MAX_DAYS}. The costs are those within the caller's scope ({@link Chargeback#report}); the products and their
     * usage are SKU totals, the tenant's, which every reader sees.
     */
    public Outcome<Overview> overview(Caller caller, String sku, int days) {
        TenantId tenant = caller.tenant();
        if (days < MIN_DAYS || days > MAX_DAYS) {
            return Outcome.refused(ErrorCode.INVALID_REQUEST, "Show %d to %d days, not %d.", MIN_DAYS, MAX_DAYS, days);
        }
        return transactions.snapshot(() -> {
            List<SubscribedSku> products = book.subscribedSkus(tenant);
            Optional<SubscribedSku> chosen = sku == null || sku.isBlank()
                    ? products.stream().findFirst()
                    : products.stream()
                            .filter(p -> p.product().skuId().value().toString().equalsIgnoreCase(sku.strip())
                                    || p.product().skuPartNumber().equalsIgnoreCase(sku.strip()))
                            .findFirst();
            if (chosen.isEmpty() && sku != null && !sku.isBlank()) {
                return Outcome.refused(ErrorCode.NOT_FOUND, "The tenant subscribes to no product '%s'.", sku.strip());
            }
            LocalDate to = history.today();
            LocalDate from = to.minusDays(days - 1L);
            List<UsageSnapshot> usage = chosen.map(
                            p -> history.between(tenant, p.product().skuId(), from, to)
                                    .value())
                    .orElse(List.of());
            List<PoolFigures> pools = allotments.all(tenant).stream()
                    .map(f -> caller.scope().tenantWide()
                            ? f
                            : f.ofUnits(caller.scope().units()))
                    .toList();
            return Outcome.done(
                    new Overview(chargeback.report(caller), products, chosen.orElse(null), from, to, usage, pools));
        });
    }
}
