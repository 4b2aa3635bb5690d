package org.allot.core.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SeatCount;

/**
 * Runs the engine over a group's users against a snapshot of the seat figures (and of the pools' figures: the
 * engine draws each seat from the pool {@link PoolBook#choose} says, as it does when the change is applied), writing
 * and locking nothing, to tell what a change of the group's licenses would do, per SKU and per pool.
 */
final class SeatImpactPreview {
    private final Assignments assignments;
    private final Memberships memberships;
    private final LicensingEngine engine = new LicensingEngine();
    private final int chunk;

    SeatImpactPreview(Assignments assignments, Memberships memberships, int chunk) {
        this.assignments = assignments;
        this.memberships = memberships;
        this.chunk = chunk;
    }

    private static final class Tally {
        final int available;
        int taken;
        int freed;
        final List<UserId> waiting = new ArrayList<>();
        final List<UserId> losing = new ArrayList<>();
        /** Per pool (null: the remainder) of a pooled SKU: holders and waiting users gained (or lost, negative). */
        final Map<AllotmentId, int[]> pools = new HashMap<>();

        Tally(int available) {
            this.available = available;
        }

        void pool(AllotmentId pool, int consumed, int waiting) {
            int[] delta = pools.computeIfAbsent(pool, p -> new int[2]);
            delta[0] += consumed;
            delta[1] += waiting;
        }
    }

    /**
     * Evaluates the group's users with {@code licenses} as the group's licenses, in {@code work}: a
     * {@link Reconciler#beginSnapshot snapshot} unit of work, whose ledger decides seats (and pools) as the engine does
     * and writes nothing.
     */
    SeatImpact run(Reconciler.Work work, GroupId group, List<GroupLicense> licenses) {
        TenantId tenant = work.tenant();
        LicensingEngine.Context context = work.context;
        SeatLedger ledger = work.ledger;
        Map<SkuId, SeatCount> now = ledger.figuresRead();
        Map<AllotmentId, AllotmentCount> poolsNow = context.pools().isEmpty() ? Map.of() : ledger.poolFiguresRead();
        Map<SkuId, Tally> tallies = new TreeMap<>();
        Set<SkuId> concerned = new HashSet<>();
        licenses.forEach(l -> concerned.add(l.license().skuId()));
        boolean nested = context.policy().nestedGroupLicensing();
        int users = 0;
        int guests = 0;
        UserId after = null;
        while (true) {
            List<UserId> members = memberships.userMembers(tenant, group, nested, after, chunk);
            List<UserId> holders = assignments.usersWithSource(tenant, group, after, chunk);
            TreeSet<UserId> ids = new TreeSet<>(members);
            ids.addAll(holders);
            UserId boundary = Chunks.boundary(members, holders, chunk);
            Set<UserId> batch = boundary == null ? ids : ids.headSet(boundary, true);
            Set<UserId> memberSet = new HashSet<>(members);
            memberSet.retainAll(batch);
            Map<UserId, LicenseSubject> subjects = assignments.subjects(tenant, batch);
            Map<UserId, List<LicenseAssignment>> current = assignments.of(tenant, subjects.keySet());
            Change change = Changes.fromGroup(group, licenses, memberSet);
            for (UserId id : batch) {
                LicenseSubject subject = subjects.get(id);
                if (subject == null || subject.deleted()) {
                    continue;
                }
                users++;
                if (subject.isGuest() && memberSet.contains(id)) {
                    guests++;
                }
                List<LicenseAssignment> rows = current.getOrDefault(id, List.of());
                List<LicenseAssignment> wanted = context.wanted(subject, rows, change);
                UserLicenses before = new UserLicenses(subject, rows);
                UserLicenses after1 =
                        new UserLicenses(subject, engine.evaluate(subject, rows, wanted, context, ledger));
                rows.forEach(a -> concerned.add(a.sku()));
                for (SkuId sku : concerned) {
                    Tally tally = tallies.computeIfAbsent(
                            sku,
                            s -> new Tally(now.getOrDefault(s, SeatCount.EMPTY).available()));
                    boolean had = before.holdsSeat(sku);
                    boolean has = after1.holdsSeat(sku);
                    if (!had && has) {
                        tally.taken++;
                    } else if (had && !has) {
                        tally.freed++;
                        tally.losing.add(id);
                    }
                    if (!before.isWaitingFor(sku) && after1.isWaitingFor(sku)) {
                        tally.waiting.add(id);
                    }
                    if (context.pools().pooled(sku)) {
                        drawn(tally, ledger, rows, sku, -1);
                        drawn(tally, ledger, after1.assignments(), sku, 1);
                    }
                }
            }
            if (boundary == null) {
                break;
            }
            after = boundary;
        }
        List<SeatImpact.Sku> skus = new ArrayList<>();
        tallies.forEach((sku, t) -> {
            if (t.taken + t.freed + t.waiting.size() > 0
                    || licenses.stream().anyMatch(l -> l.license().skuId().equals(sku))) {
                skus.add(new SeatImpact.Sku(
                        sku,
                        t.available,
                        t.taken,
                        t.freed,
                        t.waiting.size(),
                        List.copyOf(t.waiting.subList(0, Math.min(SeatImpact.SAMPLE, t.waiting.size()))),
                        t.losing.size(),
                        List.copyOf(t.losing.subList(0, Math.min(SeatImpact.SAMPLE, t.losing.size()))),
                        pools(sku, t, context.pools(), now.getOrDefault(sku, SeatCount.EMPTY), poolsNow)));
            }
        });
        return new SeatImpact(users, guests, skus);
    }

    /** Counts the user's seat and place in a waiting list of the SKU in the pool they are drawn from, {@code sign} times. */
    private static void drawn(Tally tally, SeatLedger ledger, List<LicenseAssignment> rows, SkuId sku, int sign) {
        rows.stream()
                .filter(a -> a.sku().equals(sku) && a.holdsSeat())
                .findFirst()
                .ifPresentOrElse(a -> tally.pool(ledger.knownPool(a.pool()), sign, 0), () -> rows.stream()
                        .filter(a -> a.sku().equals(sku) && a.isWaiting())
                        .findFirst()
                        .ifPresent(a -> tally.pool(ledger.knownPool(a.pool()), 0, sign)));
    }

    /** The SKU's pools and remainder now ({@link PoolFigures}) and after the change; none for a SKU without pools. */
    private static List<SeatImpact.Pool> pools(
            SkuId sku, Tally tally, PoolBook book, SeatCount now, Map<AllotmentId, AllotmentCount> poolsNow) {
        if (!book.pooled(sku)) {
            return List.of();
        }
        PoolFigures figures = PoolFigures.of(sku, null, book, now, poolsNow);
        List<SeatImpact.Pool> pools = new ArrayList<>();
        List<PoolFigures.Pool> buckets = new ArrayList<>(figures.pools());
        buckets.add(figures.remainder());
        for (PoolFigures.Pool p : buckets) {
            int[] delta = tally.pools.getOrDefault(
                    p.allotment() == null ? null : p.allotment().id(), new int[2]);
            pools.add(new SeatImpact.Pool(
                    p.allotment(),
                    p.seats(),
                    p.consumed(),
                    Math.max(0, p.consumed() + delta[0]),
                    p.waiting(),
                    Math.max(0, p.waiting() + delta[1])));
        }
        return pools;
    }
}
