package org.allot.core.unit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.rules.DynamicGroups;
import org.allot.core.rules.MembershipRule;

/**
 * The membership rules of dynamic units, in the syntax of dynamic groups ({@link MembershipRule}, its parser and
 * evaluator reused as they are): checks a rule, and applies rules to users, writing only who joins and who leaves. A
 * unit's rule may not read {@code user.assignedPlans} (a unit decides who administers a user, not what they are
 * licensed for); deleted users are left where they are until restored or purged.
 */
final class UnitRules {
    private static final int CACHED_RULES = 1_000;

    private final Units units;
    private final DynamicGroups users;
    private final Map<String, MembershipRule> parsed = new ConcurrentHashMap<>();

    UnitRules(Units units, DynamicGroups users) {
        this.units = Objects.requireNonNull(units);
        this.users = Objects.requireNonNull(users);
    }

    /** Why the text cannot be a unit's rule; empty when it can. */
    static Optional<Rejection> check(String text) {
        Outcome<MembershipRule> rule = MembershipRule.parse(text);
        if (!rule.isDone()) {
            return Optional.of(rule.rejection());
        }
        if (rule.value().readsAssignedPlans()) {
            return Optional.of(Rejection.invalid(
                    "An administrative unit's membership rule cannot read user.assignedPlans: use the users'"
                            + " attributes (department, city, companyName…)."));
        }
        return Optional.empty();
    }

    /**
     * Recomputes a dynamic unit over every user of the tenant, a chunk at a time; answers the users who joined or
     * left it.
     */
    Set<UserId> recompute(TenantId tenant, AdministrativeUnit unit, int chunk) {
        MembershipRule rule = rule(unit.membershipRule());
        Set<UserId> moved = new TreeSet<>();
        UserId after = null;
        while (true) {
            List<User> page = users.users(tenant, after, chunk);
            moved.addAll(apply(tenant, unit, rule, page));
            if (page.size() < chunk) {
                return moved;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Applies every dynamic unit's rule (whose processing is on) to the users: they join and leave as it says. Answers
     * the users who joined or left a unit.
     */
    Set<UserId> settle(TenantId tenant, List<User> changed) {
        List<User> live = changed.stream().filter(u -> !u.isDeleted()).toList();
        if (live.isEmpty()) {
            return Set.of();
        }
        Set<UserId> moved = new TreeSet<>();
        for (AdministrativeUnit unit : units.all(tenant)) {
            if (unit.appliesRule()) {
                moved.addAll(apply(tenant, unit, rule(unit.membershipRule()), live));
            }
        }
        return moved;
    }

    /** Applies the unit's rule to the users; answers those who joined or left it. */
    private Set<UserId> apply(TenantId tenant, AdministrativeUnit unit, MembershipRule rule, List<User> page) {
        List<User> live = page.stream().filter(u -> !u.isDeleted()).toList();
        if (live.isEmpty()) {
            return Set.of();
        }
        Set<UserId> members =
                units.userMembers(tenant, unit.id(), live.stream().map(User::id).toList());
        Set<UserId> joined = new HashSet<>();
        Set<UserId> left = new HashSet<>();
        for (User user : live) {
            boolean matches = rule.matches(user, Set.of());
            boolean member = members.contains(user.id());
            if (matches && !member) {
                joined.add(user.id());
            } else if (!matches && member) {
                left.add(user.id());
            }
        }
        if (joined.isEmpty() && left.isEmpty()) {
            return Set.of();
        }
        units.moveUsers(tenant, unit.id(), joined, left);
        Set<UserId> moved = new HashSet<>(joined);
        moved.addAll(left);
        return moved;
    }

    private MembershipRule rule(String text) {
        MembershipRule rule = parsed.get(text);
        if (rule == null) {
            rule = MembershipRule.parse(text).value();
            if (parsed.size() >= CACHED_RULES) {
                parsed.clear();
            }
            parsed.put(text, rule);
        }
        return rule;
    }
}
