package org.allot.core.rules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.PlanDependents;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/**
 * Applies the rules of dynamic groups to users: evaluates them ({@link RuleDecisions}), and writes only the
 * difference — users who match and are not members join, members who no longer match leave, everyone else is left
 * alone. Each change is audited
 * as Entra audits it ("Add member to group", "Remove member from group") by the system actor "dynamic membership".
 *
 * <p>Rules that read {@code user.assignedPlans} are settled in layers ({@link RuleDependencies}): after each layer the
 * licenses of the users it moved follow, and the next layer sees the plans they end up with.
 */
public final class RuleMemberships implements PlanDependents {
    static final Actor ACTOR = Actor.system("dynamic membership");
    private static final int CACHED_RULES = 10_000;

    private final DynamicGroups store;
    private final AuditLog audit;
    private final Clock clock;
    private final RuleDependencies dependencies;
    private final RuleDecisions decisions;
    private final Map<String, MembershipRule> parsed = new ConcurrentHashMap<>();

    public RuleMemberships(
            DynamicGroups store,
            Memberships memberships,
            GroupLicenses groupLicenses,
            Assignments assignments,
            ProductCatalog catalog,
            Tenants tenants,
            AuditLog audit,
            Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.dependencies = new RuleDependencies(groupLicenses, memberships, catalog, tenants);
        this.decisions = new RuleDecisions(store, assignments, catalog);
    }

    /** Makes the licenses of moved users follow; answers whose active plans changed as a result. */
    @FunctionalInterface
    interface Follow {
        Set<UserId> moved(Map<GroupId, Moves> moves);
    }

    /** Licensing changed these users' plans: the groups whose rules read plans follow, layer by layer. */
    @Override
    public void plansChanged(Caller caller, Set<UserId> users, Relicensing relicensing) {
        settle(caller, users, 1, moves -> {
            Set<UserId> moved = new TreeSet<>();
            moves.values().forEach(m -> moved.addAll(m.users()));
            return relicensing.apply(moved);
        });
    }

    @Override
    public boolean readsPlans(TenantId tenant) {
        return applying(tenant).stream().anyMatch(g -> g.rule().readsAssignedPlans());
    }

    /** Giving a group licenses must not close a cycle of rules that read the plans they grant. */
    @Override
    public Optional<Rejection> checkGroupLicenses(Caller caller, GroupId group, List<GroupLicense> licenses) {
        TenantId tenant = caller.tenant();
        List<DynamicGroup> all = dynamicGroups(tenant);
        if (all.stream().noneMatch(g -> g.rule().readsAssignedPlans())) {
            return Optional.empty();
        }
        List<DynamicGroup> starts = new ArrayList<>(all);
        starts.sort(Comparator.comparing((DynamicGroup g) -> !g.id().equals(group)));
        for (DynamicGroup start : starts) {
            Optional<List<DynamicGroup>> cycle =
                    dependencies.cycleThrough(tenant, all, start.id(), Map.of(group, licenses));
            if (cycle.isPresent()
                    && dependencies
                            .cycleThrough(tenant, all, start.id(), Map.of())
                            .isEmpty()) {
                return Optional.of(RuleDependencies.refusal(cycle.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Brings these users' memberships of the groups that apply their rule in line, layer by layer from layer
     * {@code from} (0: every rule; 1: only rules that read plans).
     */
    void settle(Caller caller, Collection<UserId> ids, int from, Follow follow) {
        TenantId tenant = caller.tenant();
        List<DynamicGroup> applying = applying(tenant);
        if (applying.isEmpty()
                || (from > 0 && applying.stream().noneMatch(g -> g.rule().readsAssignedPlans()))) {
            return;
        }
        List<List<DynamicGroup>> strata = dependencies.strata(tenant, applying);
        Set<UserId> pending = new TreeSet<>(ids);
        List<User> users = store.lock(tenant, pending);
        for (int stratum = from; stratum < strata.size(); stratum++) {
            Map<GroupId, Moves> moves = apply(caller, users, strata.get(stratum));
            if (moves.isEmpty()) {
                continue;
            }
            Set<UserId> changed = new TreeSet<>(follow.moved(moves));
            if (pending.addAll(changed)) {
                users = store.lock(tenant, pending);
            }
        }
    }

    /** The users whose membership of the group the rule would change: a dry run of {@link #apply}. */
    Set<UserId> movers(TenantId tenant, List<User> users, DynamicGroup group) {
        return decisions
                .decide(tenant, users, List.of(group))
                .getOrDefault(group.id(), new Moves(Set.of(), Set.of()))
                .users();
    }

    /** Applies the groups' rules to these users and writes the difference; returns it, per group that changed. */
    Map<GroupId, Moves> apply(Caller caller, List<User> users, List<DynamicGroup> groups) {
        Map<GroupId, Moves> moves = decisions.decide(caller.tenant(), users, groups);
        if (moves.isEmpty()) {
            return moves;
        }
        Map<UserId, User> byId = new HashMap<>();
        users.forEach(u -> byId.put(u.id(), u));
        List<AuditEvent> events = new ArrayList<>();
        Caller actor = caller.as(ACTOR);
        for (DynamicGroup group : groups) {
            Moves m = moves.get(group.id());
            if (m == null) {
                continue;
            }
            if (!m.joined().isEmpty()) {
                store.addMembers(caller.tenant(), group.id(), m.joined());
            }
            if (!m.left().isEmpty()) {
                store.removeMembers(caller.tenant(), group.id(), m.left());
            }
            m.joined().forEach(u -> events.add(event(actor, group.group(), byId.get(u), true)));
            m.left().forEach(u -> events.add(event(actor, group.group(), byId.get(u), false)));
        }
        audit.appendAll(events);
        return moves;
    }

    /**
     * The tenant's dynamic groups with their rules, paused ones too. A stored rule that does not parse (written
     * behind this service's back) leaves its group out rather than stopping every change in the tenant.
     */
    List<DynamicGroup> dynamicGroups(TenantId tenant) {
        return store.all(tenant).stream()
                .flatMap(g -> rule(g.membershipRule()).map(r -> new DynamicGroup(g, r)).stream())
                .toList();
    }

    /** The tenant's dynamic groups whose rule is applied (processing On). */
    List<DynamicGroup> applying(TenantId tenant) {
        return dynamicGroups(tenant).stream()
                .filter(g -> g.group().appliesRule())
                .toList();
    }

    RuleDependencies dependencies() {
        return dependencies;
    }

    /** A stored rule, parsed once; empty when there is none or it does not parse. */
    Optional<MembershipRule> rule(String text) {
        if (text == null) {
            return Optional.empty();
        }
        MembershipRule rule = parsed.get(text);
        if (rule == null) {
            Optional<MembershipRule> stored = MembershipRule.parseStored(text);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            rule = stored.get();
            if (parsed.size() >= CACHED_RULES) {
                parsed.clear();
            }
            parsed.put(text, rule);
        }
        return Optional.of(rule);
    }

    /** Each user's active plans, as the licensing engine's view of their licenses has them. */
    Map<UserId, Set<ServicePlanId>> plansOf(TenantId tenant, List<User> users) {
        return decisions.plansOf(tenant, users);
    }

    private AuditEvent event(Caller actor, Group group, User user, boolean joined) {
        return AuditEvent.of(
                actor,
                clock.instant(),
                joined ? Activity.ADD_MEMBER : Activity.REMOVE_MEMBER,
                List.of(
                        AuditTarget.user(user.id(), user.userPrincipalName()),
                        AuditTarget.group(group.id(), group.displayName())),
                List.of());
    }
}
