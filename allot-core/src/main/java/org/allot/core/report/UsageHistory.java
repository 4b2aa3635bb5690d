package org.allot.core.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.TenantRounds;
import org.allot.core.Transactions;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Tenants;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.SubscriptionBook;

/**
 * The usage history of each product: a snapshot of its seat figures per day (UTC), taken by a scheduled step that is
 * idempotent and safe on every server at once (one snapshot per tenant, product and day: the first kept wins), and
 * read back for charts and CSV. A product's reclaimable seats are those its reclaim policy lists at the snapshot (what
 * a report-only run would report, {@link org.allot.core.reclaim.Reclaim#reclaimable}); a product without a policy has none counted (null).
 */
public final class UsageHistory {
    /** The days a usage history shows when no period is given: the API's, the admin center's chart, the CLI's. */
    public static final int DEFAULT_DAYS = 30;

    /** The longest period one read covers, in days. */
    public static final int MAX_DAYS = 3_660;

    private final Transactions transactions;
    private final Tenants tenants;
    private final SubscriptionBook book;
    private final UsageSnapshots snapshots;
    private final Reclaimable reclaimable;
    private final Clock clock;

    public UsageHistory(
            Transactions transactions,
            Tenants tenants,
            SubscriptionBook book,
            UsageSnapshots snapshots,
            Reclaimable reclaimable,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.book = Objects.requireNonNull(book);
        this.snapshots = Objects.requireNonNull(snapshots);
        this.reclaimable = Objects.requireNonNull(reclaimable);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Today, as snapshots count days (UTC). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Takes today's snapshot of every tenant that has none yet; returns how many products' figures were kept. One
     * tenant's failure does not keep the others from theirs: it is thrown once the round is over (its snapshot is taken
     * at the next round).
     */
    public int snapshotAll() {
        return TenantRounds.sum(transactions.read(tenants::all), t -> snapshot(t.id()));
    }

    /** Takes a tenant's snapshot of today unless it has been taken; returns how many products' figures were kept. */
    public int snapshot(TenantId tenant) {
        LocalDate day = today();
        return transactions.run(() -> {
            if (snapshots.taken(tenant, day)) {
                return 0;
            }
            Map<SkuId, Integer> listed = reclaimable.listed(tenant);
            List<UsageSnapshot> figures = book.subscribedSkus(tenant).stream()
                    .map(s -> of(day, s, listed.get(s.product().skuId())))
                    .toList();
            return snapshots.keep(tenant, figures);
        });
    }

    /** A product's figures; {@code reclaimable} is what its reclaim policy lists, null without a policy. */
    static UsageSnapshot of(LocalDate day, SubscribedSku sku, Integer reclaimable) {
        SeatCount seats = sku.seats();
        return new UsageSnapshot(
                day,
                sku.product().skuId(),
                seats.prepaid().enabled(),
                seats.consumed(),
                seats.available(),
                seats.waiting(),
                reclaimable);
    }

    /**
     * The snapshots of {@code from} to {@code to} (both included) of one product or (null) all; refused when the
     * period ends before it starts or is longer than {@link #MAX_DAYS}.
     */
    public Outcome<List<UsageSnapshot>> between(TenantId tenant, SkuId sku, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Outcome.refused(ErrorCode.INVALID_REQUEST, "The period ends (%s) before it starts (%s).", to, from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return Outcome.refused(
                    ErrorCode.INVALID_REQUEST,
                    "A period covers at most %d days; %s to %s is longer.",
                    MAX_DAYS,
                    from,
                    to);
        }
        return Outcome.done(transactions.read(() -> snapshots.between(tenant, sku, from, to)));
    }
}
