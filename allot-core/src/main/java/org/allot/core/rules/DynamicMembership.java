package org.allot.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.directory.DirectoryListener;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;

/**
 * Keeps the members of dynamic groups in line with their rules. Listens to the directory: a user created, changed
 * (through any path, directory sync included) or restored is evaluated against every rule that is applied; a rule
 * saved (refused when it does not parse or would make a group's membership depend on itself) or switched back
 * {@code On} recomputes the whole group — within the request for small directories, as a durable background job of
 * chunks in user id order for large ones. Either way only the difference is written, and licensing follows the
 * members who moved exactly as it follows manual membership changes.
 *
 * <p>Deleted users keep their memberships, as they keep their licenses, until they are restored (evaluated again)
 * or purged (gone with their memberships).
 */
public final class DynamicMembership implements DirectoryListener {
    /** Entra's limit on the dynamic groups of a tenant. */
    public static final int MAX_DYNAMIC_GROUPS = 15_000;

    private final Transactions transactions;
    private final RuleMemberships rules;
    private final DynamicGroups store;
    private final Groups groups;
    private final TenantLocks locks;
    private final DirectoryListener licensing;
    private final MembershipJobs jobs;
    private final LicensingSettings settings;

    public DynamicMembership(
            Transactions transactions,
            RuleMemberships rules,
            DynamicGroups store,
            Groups groups,
            TenantLocks locks,
            DirectoryListener licensing,
            MembershipJobs jobs,
            LicensingSettings settings) {
        this.transactions = Objects.requireNonNull(transactions);
        this.rules = Objects.requireNonNull(rules);
        this.store = Objects.requireNonNull(store);
        this.groups = Objects.requireNonNull(groups);
        this.locks = Objects.requireNonNull(locks);
        this.licensing = Objects.requireNonNull(licensing);
        this.jobs = Objects.requireNonNull(jobs);
        this.settings = Objects.requireNonNull(settings);
    }

    /** What one chunk of a recompute did; {@code next} is null when the group is done. */
    public record Chunk(UserId next, int users, int joined, int left) {}

    /**
     * A new or changed rule must parse, keep to the limits, be cheap enough to evaluate ({@link MembershipRule#parse})
     * and must not make the group's membership depend on itself; a tenant has at most
     * {@link #MAX_DYNAMIC_GROUPS} dynamic groups.
     */
    @Override
    public Optional<Rejection> checkGroupChange(Caller caller, Group before, Group after) {
        if (!after.isDynamic() || after.membershipRule() == null) {
            return Optional.empty();
        }
        if (before != null && before.isDynamic() && Objects.equals(before.membershipRule(), after.membershipRule())) {
            return Optional.empty();
        }
        Outcome<MembershipRule> parsed = MembershipRule.parse(after.membershipRule());
        if (!parsed.isDone()) {
            return Optional.of(parsed.rejection());
        }
        if ((before == null || !before.isDynamic())
                && store.all(caller.tenant()).size() >= MAX_DYNAMIC_GROUPS) {
            return Optional.of(Rejection.invalid(
                    "A tenant has at most %,d dynamic groups (as in Microsoft Entra ID).", MAX_DYNAMIC_GROUPS));
        }
        List<DynamicGroup> all = new ArrayList<>(rules.dynamicGroups(caller.tenant()));
        all.removeIf(g -> g.id().equals(after.id()));
        all.add(new DynamicGroup(after, parsed.value()));
        return rules.dependencies()
                .cycleThrough(caller.tenant(), all, after.id(), Map.of())
                .map(RuleDependencies::refusal);
    }

    @Override
    public void userCreated(Caller caller, User user) {
        settle(caller, user.id());
    }

    /** Users created in one batch (directory sync) are settled together, a chunk at a time. */
    @Override
    public void usersCreated(Caller caller, List<User> users) {
        usersChanged(caller, users.stream().map(User::id).toList());
    }

    @Override
    public void userUpdated(Caller caller, User before, User after) {
        if (RuleProperty.anyChanged(before, after)) {
            settle(caller, after.id());
        }
    }

    /**
     * Users changed in bulk by a path that does not tell the directory's listeners one user at a time (for example a
     * directory sync run writing many users): their dynamic memberships follow, a chunk of users at a time.
     */
    public void usersChanged(Caller caller, Collection<UserId> users) {
        locks.share(caller.tenant());
        List<UserId> ordered = new ArrayList<>(new TreeSet<>(users));
        for (int from = 0; from < ordered.size(); from += settings.chunkSize()) {
            List<UserId> chunk = ordered.subList(from, Math.min(ordered.size(), from + settings.chunkSize()));
            rules.settle(caller, chunk, 0, follow(caller));
        }
    }

    @Override
    public void userRestored(Caller caller, User user) {
        settle(caller, user.id());
    }

    /** A rule saved, or processing switched back on: the whole group is recomputed. */
    @Override
    public void groupChanged(Caller caller, Group before, Group after) {
        boolean ruleChanged = before == null
                || !before.appliesRule()
                || !Objects.equals(before.membershipRule(), after.membershipRule());
        if (after.appliesRule() && ruleChanged) {
            schedule(caller, after.id());
        }
    }

    /**
     * Applies a dynamic group's rule to every user again (normally not needed: rules are applied as things change).
     * Refused for a group that is not dynamic or whose processing is paused.
     */
    public Outcome<Group> recompute(Caller caller, GroupId groupId) {
        return transactions.run(() -> recomputeNow(caller, groupId));
    }

    private Outcome<Group> recomputeNow(Caller caller, GroupId groupId) {
        locks.share(caller.tenant());
        Optional<Group> group = groups.find(caller.tenant(), groupId);
        if (group.isEmpty()) {
            return Outcome.refused(Rejection.notFound(groupId));
        }
        if (!group.get().appliesRule()) {
            return Outcome.refused(Rejection.invalid(
                    "The group %s is not a dynamic group whose rule is applied (membershipRuleProcessingState On).",
                    group.get().displayName()));
        }
        schedule(caller, groupId);
        return Outcome.done(group.get());
    }

    /**
     * Applies the group's rule to the users after {@code after} (null: the first ones), in id order, at most
     * {@code limit}: writes who joins and leaves, and lets licensing follow them. The background job's work. Users
     * are read without locks; those who would move are locked, read again and evaluated again before anything is
     * written, so a concurrent change to a user is never overwritten with a stale decision.
     */
    public Chunk recomputeChunk(Caller caller, GroupId groupId, UserId after, int limit) {
        TenantId tenant = caller.tenant();
        locks.share(tenant);
        Optional<DynamicGroup> found = groups.find(tenant, groupId)
                .filter(Group::appliesRule)
                .flatMap(g -> rules.rule(g.membershipRule()).map(r -> new DynamicGroup(g, r)));
        if (found.isEmpty()) {
            return new Chunk(null, 0, 0, 0);
        }
        DynamicGroup dynamic = found.get();
        List<User> users = store.users(tenant, after, limit);
        UserId next = users.size() < limit ? null : users.get(users.size() - 1).id();
        Set<UserId> movers = rules.movers(tenant, users, dynamic);
        Moves moves = movers.isEmpty()
                ? new Moves(Set.of(), Set.of())
                : rules.apply(caller, store.lock(tenant, movers), List.of(dynamic))
                        .getOrDefault(groupId, new Moves(Set.of(), Set.of()));
        if (!moves.isEmpty()) {
            licensing.ruleApplied(caller, groupId, moves.joined(), moves.left());
        }
        return new Chunk(next, users.size(), moves.joined().size(), moves.left().size());
    }

    private void schedule(Caller caller, GroupId group) {
        if (store.countUsers(caller.tenant()) > settings.inlineLimit()) {
            jobs.recomputeMembership(caller.tenant(), group);
            return;
        }
        UserId next = null;
        do {
            next = recomputeChunk(caller, group, next, settings.chunkSize()).next();
        } while (next != null);
    }

    private void settle(Caller caller, UserId user) {
        rules.settle(caller, List.of(user), 0, follow(caller));
    }

    /** Licensing follows each layer's moves; plans that change as a result cascade from licensing itself. */
    private RuleMemberships.Follow follow(Caller caller) {
        return moves -> {
            moves.forEach((group, m) -> licensing.ruleApplied(caller, group, m.joined(), m.left()));
            return Set.of();
        };
    }
}
