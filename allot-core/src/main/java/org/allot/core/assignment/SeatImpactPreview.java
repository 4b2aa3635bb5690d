package org.allot.core.assignment;

import java.util.ArrayList;
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
import org.allot.core.subscription.Seats;

/**
 * Runs the engine over a group's users against a snapshot of the seat figures, writing and locking nothing, to
 * tell what a change of the group's licenses would do.
 */
final class SeatImpactPreview {
    private final Assignments assignments;
    private final Memberships memberships;
    private final Seats seats;
    private final LicensingEngine engine = new LicensingEngine();
    private final int chunk;

    SeatImpactPreview(Assignments assignments, Memberships memberships, Seats seats, int chunk) {
        this.assignments = assignments;
        this.memberships = memberships;
        this.seats = seats;
        this.chunk = chunk;
    }

    private static final class Tally {
        final int available;
        int taken;
        int freed;
        final List<UserId> waiting = new ArrayList<>();
        final List<UserId> losing = new ArrayList<>();

        Tally(int available) {
            this.available = available;
        }
    }

    SeatImpact run(TenantId tenant, GroupId group, List<GroupLicense> licenses, LicensingEngine.Context context) {
        SeatLedger ledger = SeatLedger.snapshot(tenant, seats);
        Map<SkuId, org.allot.core.subscription.SeatCount> now = seats.all(tenant);
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
                            s -> new Tally(now.getOrDefault(s, org.allot.core.subscription.SeatCount.EMPTY)
                                    .available()));
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
                        List.copyOf(t.losing.subList(0, Math.min(SeatImpact.SAMPLE, t.losing.size())))));
            }
        });
        return new SeatImpact(users, guests, skus);
    }
}
