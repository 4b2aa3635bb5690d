package org.allot.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.Allotments;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.PoolBook;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.catalog.Catalog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UnitMemberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.RulePreview.Person;
import org.allot.core.rules.RulePreview.SeatImpact;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.Seats;

/**
 * Previews a membership rule — for an existing group, or for one being created — reading users a chunk at a time
 * and writing nothing. The seat impact is a forecast: joiners queue behind the users already waiting, and the
 * licensing engine may still turn some assignments into errors (plan conflicts, prohibited locations).
 */
public final class MembershipPreview {
    public static final int MAX_PAGE = 999;

    private final Transactions transactions;
    private final RuleMemberships rules;
    private final DynamicGroups store;
    private final Groups groups;
    private final GroupLicenses groupLicenses;
    private final Assignments assignments;
    private final Seats seats;
    private final ProductCatalog catalog;
    private final Tenants tenants;
    private final SeatAllotments allotments;
    private final Allotments pools;
    private final UnitMemberships units;
    private final int chunkSize;

    public MembershipPreview(
            Transactions transactions,
            RuleMemberships rules,
            DynamicGroups store,
            Groups groups,
            GroupLicenses groupLicenses,
            Assignments assignments,
            Seats seats,
            ProductCatalog catalog,
            Tenants tenants,
            Pools pools,
            int chunkSize) {
        this.transactions = Objects.requireNonNull(transactions);
        this.rules = Objects.requireNonNull(rules);
        this.store = Objects.requireNonNull(store);
        this.groups = Objects.requireNonNull(groups);
        this.groupLicenses = Objects.requireNonNull(groupLicenses);
        this.assignments = Objects.requireNonNull(assignments);
        this.seats = Objects.requireNonNull(seats);
        this.catalog = Objects.requireNonNull(catalog);
        this.tenants = Objects.requireNonNull(tenants);
        this.allotments = Objects.requireNonNull(pools.figures());
        this.pools = Objects.requireNonNull(pools.book());
        this.units = Objects.requireNonNull(pools.units());
        this.chunkSize = chunkSize;
    }

    /**
     * Where a product split into allotments takes the joiners' seats from: the pools' figures, their definitions (which
     * pool each joiner draws from, {@link PoolBook#choose}) and the users' administrative units.
     */
    public record Pools(SeatAllotments figures, Allotments book, UnitMemberships units) {}

    /**
     * What {@code rule} would do for {@code group} (null: a group not created yet, with no members or licenses),
     * with lists of at most {@code pageSize} users (1 to 999). Refused when the rule does not parse (the message
     * gives the position), when evaluating it runs out of the request's {@link RuleBudget} (the message names the
     * condition), or when the group does not exist.
     */
    public Outcome<RulePreview> preview(Caller caller, GroupId group, String rule, int pageSize) {
        return transactions.read(() -> previewRead(caller, group, rule, pageSize));
    }

    private Outcome<RulePreview> previewRead(Caller caller, GroupId group, String rule, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            return Outcome.refused(Rejection.invalid("The page size is between 1 and %d.", MAX_PAGE));
        }
        Outcome<MembershipRule> parsed = MembershipRule.parse(rule);
        if (!parsed.isDone()) {
            return Outcome.refused(parsed.rejection());
        }
        Optional<Group> target = group == null ? Optional.empty() : groups.find(caller.tenant(), group);
        if (group != null && target.isEmpty()) {
            return Outcome.refused(Rejection.notFound(group));
        }
        Tally tally = new Tally(caller.tenant(), target.orElse(null), parsed.value(), pageSize);
        UserId after = null;
        List<User> users;
        try {
            do {
                users = store.users(caller.tenant(), after, chunkSize);
                tally.add(users);
                after = users.isEmpty() ? null : users.get(users.size() - 1).id();
            } while (users.size() == chunkSize);
        } catch (RuleBudget.Exhausted e) {
            return Outcome.refused(
                    Rejection.invalid("Invalid membership rule: %s", e.problem().message()));
        }
        return Outcome.done(tally.result());
    }

    /** The counts and first pages, gathered chunk by chunk. */
    private final class Tally {
        private final TenantId tenant;
        private final Group group;
        private final MembershipRule rule;
        private final List<GroupLicense> licenses;
        private final boolean guestsLicensed;
        private final Page matching;
        private final Page joining;
        private final Page leaving;
        private final Map<SkuId, long[]> counts = new LinkedHashMap<>();
        private final Map<SkuId, Page> losing = new HashMap<>();
        /** Of a product split into allotments, the same counts per pool (null: the remainder). */
        private final Map<SkuId, Map<AllotmentId, long[]>> byPool = new HashMap<>();

        private final RuleBudget budget = RuleBudget.forRequest();
        private final PoolBook book;

        Tally(TenantId tenant, Group group, MembershipRule rule, int page) {
            this.tenant = tenant;
            this.group = group;
            this.rule = rule;
            this.licenses = group == null ? List.of() : groupLicenses.of(tenant, group.id());
            this.guestsLicensed = tenants.find(tenant)
                    .map(Tenant::policy)
                    .map(p -> p.guestLicensing() == GuestLicensing.ALLOW)
                    .orElse(false);
            this.book = licenses.isEmpty() ? PoolBook.EMPTY : pools.book(tenant);
            this.matching = new Page(page);
            this.joining = new Page(page);
            this.leaving = new Page(page);
            licenses.forEach(l -> {
                counts.put(l.license().skuId(), new long[3]);
                losing.put(l.license().skuId(), new Page(page));
            });
        }

        void add(List<User> users) {
            if (users.isEmpty()) {
                return;
            }
            List<UserId> ids = users.stream().map(User::id).toList();
            Map<UserId, Set<ServicePlanId>> plans = rule.readsAssignedPlans() ? rules.plansOf(tenant, users) : Map.of();
            Set<UserId> members = group == null
                    ? Set.of()
                    : store.members(tenant, List.of(group.id()), ids).getOrDefault(group.id(), Set.of());
            List<User> joiners = new ArrayList<>();
            List<User> leavers = new ArrayList<>();
            for (User user : users) {
                boolean matches = rule.matches(user, plans.getOrDefault(user.id(), Set.of()), budget);
                if (matches) {
                    matching.add(user);
                }
                if (matches && !members.contains(user.id())) {
                    joining.add(user);
                    joiners.add(user);
                } else if (!matches && members.contains(user.id())) {
                    leaving.add(user);
                    leavers.add(user);
                }
            }
            seatImpact(joiners, leavers);
        }

        private void seatImpact(List<User> joiners, List<User> leavers) {
            if (licenses.isEmpty() || (joiners.isEmpty() && leavers.isEmpty())) {
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
            return book.choose(
                            sku,
                            sources,
                            () -> units.unitsOf(tenant, joiner.id().value()))
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
                    allotments.figures(tenant, sku.value().toString()).orElse(null);
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
            boolean waits = rows.stream()
                    .anyMatch(a -> a.sku().equals(sku) && a.source().equals(source) && a.isWaiting());
            return waits
                    && rows.stream()
                            .noneMatch(a -> a.sku().equals(sku)
                                    && !a.source().equals(source)
                                    && (a.holdsSeat() || a.isWaiting()));
        }

        /** Whether the user holds a seat of the SKU through a source other than {@code except}. */
        private boolean holds(List<LicenseAssignment> rows, SkuId sku, AssignmentSource except) {
            return rows != null
                    && rows.stream()
                            .anyMatch(a -> a.sku().equals(sku)
                                    && a.holdsSeat()
                                    && !a.source().equals(except));
        }

        RulePreview result() {
            Catalog products = catalog.forTenant(tenant);
            Map<SkuId, SeatCount> figures = counts.isEmpty() ? Map.of() : seats.all(tenant);
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
                        losing.get(sku).people));
            });
            return new RulePreview(
                    rule.text(),
                    matching.count,
                    matching.people,
                    joining.count,
                    joining.people,
                    leaving.count,
                    leaving.people,
                    impacts);
        }
    }

    /** A count and the first users counted. */
    private static final class Page {
        private final int size;
        private final List<Person> people = new ArrayList<>();
        private long count;

        Page(int size) {
            this.size = size;
        }

        void add(User user) {
            count++;
            if (people.size() < size) {
                people.add(Person.of(user));
            }
        }
    }
}
