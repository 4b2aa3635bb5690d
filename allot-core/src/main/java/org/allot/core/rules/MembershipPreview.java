package org.allot.core.rules;

import java.util.ArrayList;
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
import org.allot.core.assignment.AllotmentFigures;
import org.allot.core.assignment.Allotments;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.PoolBook;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.GuestLicensing;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UnitMemberships;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.RulePreview.SeatImpact;
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
    private final Pools pools;
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
        this.pools = Objects.requireNonNull(pools);
        this.chunkSize = chunkSize;
    }

    /**
     * Where a product split into allotments takes the joiners' seats from: the pools' figures, their definitions (which
     * pool each joiner draws from, {@link PoolBook#choose}) and the users' administrative units.
     */
    public record Pools(AllotmentFigures figures, Allotments book, UnitMemberships units) {
        public Pools {
            Objects.requireNonNull(figures, "figures");
            Objects.requireNonNull(book, "book");
            Objects.requireNonNull(units, "units");
        }
    }

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
        private final PeoplePage matching;
        private final PeoplePage joining;
        private final PeoplePage leaving;
        private final SeatForecast forecast;
        private final RuleBudget budget = RuleBudget.forRequest();

        Tally(TenantId tenant, Group group, MembershipRule rule, int page) {
            this.tenant = tenant;
            this.group = group;
            this.rule = rule;
            boolean guestsLicensed = tenants.find(tenant)
                    .map(Tenant::policy)
                    .map(p -> p.guestLicensing() == GuestLicensing.ALLOW)
                    .orElse(false);
            this.forecast = new SeatForecast(
                    tenant,
                    group,
                    group == null ? List.of() : groupLicenses.of(tenant, group.id()),
                    guestsLicensed,
                    page,
                    assignments,
                    pools);
            this.matching = new PeoplePage(page);
            this.joining = new PeoplePage(page);
            this.leaving = new PeoplePage(page);
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
            forecast.add(joiners, leavers);
        }

        RulePreview result() {
            List<SeatImpact> impacts =
                    forecast.impacts(catalog.forTenant(tenant), forecast.isEmpty() ? Map.of() : seats.all(tenant));
            return new RulePreview(
                    rule.text(),
                    matching.count(),
                    matching.people(),
                    joining.count(),
                    joining.people(),
                    leaving.count(),
                    leaving.people(),
                    impacts);
        }
    }
}
