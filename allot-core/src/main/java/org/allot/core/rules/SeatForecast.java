package org.allot.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.PoolBook;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.RulePreview.SeatImpact;
import org.allot.core.subscription.SeatCount;

/**
 * A rule preview's seat forecast for each license of the group, gathered chunk by chunk of joiners and leavers: the
 * joiners who would take a new seat, the leavers who would give one back (and lose the license) or leave a waiting list,
 * and the joiners who would wait — pool by pool for a product split into allotments.
 */
final class SeatForecast {
    private final TenantId tenant;
    private final Group group;
    private final boolean guestsLicensed;
    private final Assignments assignments;
    private final MembershipPreview.Pools pools;
    private final PoolBook book;
    /** Per SKU: joiners taking a new seat, leavers freeing one, leavers who waited through this group only. */
    private final Map<SkuId, long[]> counts = new LinkedHashMap<>();

    private final Map<SkuId, PeoplePage> losing = new HashMap<>();
    /** Of a product split into allotments, the same counts per pool (null: the remainder). */
    private final Map<SkuId, Map<AllotmentId, long[]>> byPool = new HashMap<>();

    SeatForecast(
            TenantId tenant,
            Group group,
            List<GroupLicense> licenses,
            boolean guestsLicensed,
            int page,
            Assignments assignments,
            MembershipPreview.Pools pools) {
        this.tenant = tenant;
        this.group = group;
        this.guestsLicensed = guestsLicensed;
        this.assignments = assignments;
        this.pools = pools;
        this.book = licenses.isEmpty() ? PoolBook.EMPTY : pools.book().book(tenant);
        licenses.forEach(l -> {
            counts.put(l.license().skuId(), new long[3]);
            losing.put(l.license().skuId(), new PeoplePage(page));
        });
    }

    /** Whether the group has no license to forecast. */
    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Counts a chunk's joiners and leavers. */
    void add(List<User> joiners, List<User> leavers) {
        if (counts.isEmpty() || (joiners.isEmpty() && leavers.isEmpty())) {
            return;
        }
        List<UserId> ids = new ArrayList<>();
        joiners.forEach(u -> ids.add(u.id()));
        leavers.forEach(u -> ids.add(u.id()));
        Map<UserId, List<LicenseAssignment>> rows = assignments.of(tenant, ids);
        AssignmentSource source = AssignmentSource.group(group.id());
        for (SkuId sku : counts.keySet()) {
            for (User joiner : joiners) {
                if ((guestsLicensed || !joiner.isGuest()) && !holds(rows.get(joiner.id()), sku, null)) {
                    count(sku, poolOf(joiner, rows.get(joiner.id()), sku, source), 0);
                }
            }
            for (User leaver : leavers) {
                List<LicenseAssignment> own = rows.getOrDefault(leaver.id(), List.of());
                Optional<LicenseAssignment> fromGroup = own.stream()
                        .filter(a -> a.sku().equals(sku) && a.source().equals(source))
                        .findFirst();
                AllotmentId pool = fromGroup.map(LicenseAssignment::pool).orElse(null);
                if (fromGroup.isPresent() && fromGroup.get().holdsSeat() && !holds(own, sku, source)) {
                    count(sku, pool, 1);
                    losing.get(sku).add(leaver);
                } else if (waitsOnlyThrough(own, sku, source)) {
                    count(sku, pool, 2);
                }
            }
        }
    }

    /** Counts one user in column {@code column} of the SKU's figures, and of its pool's for a pooled SKU. */
    private void count(SkuId sku, AllotmentId pool, int column) {
        counts.get(sku)[column]++;
        if (book.pooled(sku)) {
            byPool.computeIfAbsent(sku, s -> new HashMap<>()).computeIfAbsent(pool, p -> new long[3])[column]++;
        }
    }

    /**
     * The pool (null: the remainder) a joiner's seat of a pooled SKU would be drawn from, as the engine draws it:
     * the sources they would have for it (their other assignments of it, and this group) and their units.
     */
    private AllotmentId poolOf(User joiner, List<LicenseAssignment> rows, SkuId sku, AssignmentSource source) {
        if (!book.pooled(sku)) {
            return null;
        }
        List<AssignmentSource> sources = new ArrayList<>();
        sources.add(source);
        if (rows != null) {
            rows.stream().filter(a -> a.sku().equals(sku)).forEach(a -> sources.add(a.source()));
        }
        return book.choose(sku, sources, () -> pools.units()
                        .unitsOf(tenant, joiner.id().value()))
                .orElse(null);
    }

    /**
     * Joiners who would find no seat: per pool for a pooled SKU (a full pool queues its own users whatever the
     * product has free), else against the product's figures. The seats free and freed by leavers go first to those
     * already waiting, but for the leavers who waited through this group only: they leave the queue.
     */
    private long wouldWait(SkuId sku, long[] c, SeatCount count) {
        Map<AllotmentId, long[]> perPool = byPool.get(sku);
        if (perPool == null) {
            return wouldWait(c, count.available(), count.waiting());
        }
        PoolFigures figures =
                pools.figures().figures(tenant, sku.value().toString()).orElse(null);
        if (figures == null) {
            return wouldWait(c, count.available(), count.waiting());
        }
        long waiting = 0;
        for (Map.Entry<AllotmentId, long[]> pool : perPool.entrySet()) {
            PoolFigures.Pool p = figures.of(pool.getKey());
            waiting += wouldWait(pool.getValue(), p.available(), p.waiting());
        }
        return waiting;
    }

    private static long wouldWait(long[] c, int available, int waiting) {
        long forNewcomers = Math.max(0, available + c[1] - Math.max(0, waiting - c[2]));
        return Math.max(0, c[0] - forNewcomers);
    }

    /** Whether the user waits for the SKU through {@code source} and holds or waits for it through nothing else. */
    private boolean waitsOnlyThrough(List<LicenseAssignment> rows, SkuId sku, AssignmentSource source) {
        boolean waits =
                rows.stream().anyMatch(a -> a.sku().equals(sku) && a.source().equals(source) && a.isWaiting());
        return waits
                && rows.stream()
                        .noneMatch(a ->
                                a.sku().equals(sku) && !a.source().equals(source) && (a.holdsSeat() || a.isWaiting()));
    }

    /** Whether the user holds a seat of the SKU through a source other than {@code except}. */
    private boolean holds(List<LicenseAssignment> rows, SkuId sku, AssignmentSource except) {
        return rows != null
                && rows.stream()
                        .anyMatch(a -> a.sku().equals(sku)
                                && a.holdsSeat()
                                && !a.source().equals(except));
    }

    /** The forecast of each license, against the products' seat figures now. */
    List<SeatImpact> impacts(Catalog products, Map<SkuId, SeatCount> figures) {
        List<SeatImpact> impacts = new ArrayList<>();
        counts.forEach((sku, c) -> {
            SeatCount count = figures.getOrDefault(sku, SeatCount.EMPTY);
            impacts.add(new SeatImpact(
                    sku,
                    products.productLabel(sku),
                    c[0],
                    count.available(),
                    count.waiting(),
                    c[1],
                    wouldWait(sku, c, count),
                    c[1],
                    losing.get(sku).people()));
        });
        return impacts;
    }
}
