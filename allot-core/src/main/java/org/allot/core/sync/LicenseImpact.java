package org.allot.core.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.allot.core.Transactions;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;

/**
 * What a run's changes would take away, worked out before any is made: the memberships of licensed groups it would
 * remove, and the users who would lose a license through them or through their own deletion. A group counts as
 * licensed when it assigns licenses, or, with nested-group licensing, when it sits inside one that does. A user keeps
 * a product when it is assigned directly, or when, after the run, a group the user is in (directly, or through
 * nesting when the tenant allows it) assigns it: moving between two groups that assign the same product loses
 * nothing.
 */
final class LicenseImpact {
    private static final int CHUNK = 1_000;

    /**
     * The removals a run would make from licensed groups, and the licenses they and its deletions would take;
     * {@code licensed} the groups that count as licensed (empty when none assigns a license or nothing is removed).
     */
    record Impact(
            Map<UUID, Set<Member>> removals,
            List<PendingRemoval> preview,
            List<LicenseLoss> losses,
            Set<GroupId> licensed) {
        static final Impact NONE = new Impact(Map.of(), List.of(), List.of(), Set.of());

        /** How many users would lose at least one license. */
        int usersLosing() {
            return (int) losses.stream().map(LicenseLoss::userId).distinct().count();
        }

        /** Whether the group's member would be removed by the run. */
        boolean removes(UUID group, Member member) {
            return removals.getOrDefault(group, Set.of()).contains(member);
        }
    }

    private final Memberships memberships;
    private final HeldLicenses licenses;
    private final Transactions transactions;

    LicenseImpact(Memberships memberships, HeldLicenses licenses, Transactions transactions) {
        this.memberships = Objects.requireNonNull(memberships);
        this.licenses = Objects.requireNonNull(licenses);
        this.transactions = Objects.requireNonNull(transactions);
    }

    Impact assess(RunContext run, List<PendingDeletion> deletions, boolean nested) {
        return transactions.read(() -> assessNow(run, deletions, nested));
    }

    private Impact assessNow(RunContext run, List<PendingDeletion> deletions, boolean nested) {
        Map<GroupId, Set<String>> assigning = licenses.licensedGroups(run.tenant);
        Set<UUID> deletedUsers = new HashSet<>();
        Set<GroupId> deletedGroups = new HashSet<>();
        for (PendingDeletion d : deletions) {
            if (d.kind() == ObjectKind.USER) {
                deletedUsers.add(d.objectId());
            } else if (!assigning.containsKey(new GroupId(d.objectId()))) {
                deletedGroups.add(new GroupId(d.objectId()));
            }
        }
        if (assigning.isEmpty() || (deletedUsers.isEmpty() && deletedGroups.isEmpty() && run.memberLists.isEmpty())) {
            return Impact.NONE;
        }
        Set<GroupId> licensed = new HashSet<>(assigning.keySet());
        if (nested) {
            assigning.keySet().forEach(g -> licensed.addAll(memberships.descendantGroups(run.tenant, g)));
        }
        Map<UUID, Set<Member>> removals = new LinkedHashMap<>();
        Map<Member, Set<GroupId>> joins = new HashMap<>();
        for (Map.Entry<String, List<String>> list : run.memberLists.entrySet()) {
            SyncedRef group = run.synced(list.getKey())
                    .filter(ref -> ref.kind() == ObjectKind.GROUP)
                    .orElse(null);
            if (group == null || !licensed.contains(new GroupId(group.id()))) {
                continue;
            }
            GroupId id = new GroupId(group.id());
            Set<Member> listed = SyncPlanner.members(list.getValue(), run::resolve);
            Set<Member> current = memberships.directMembers(run.tenant, id);
            Set<Member> leaving = new LinkedHashSet<>();
            boolean keepsAll = run.dangling.containsKey(list.getKey());
            for (Member m : current) {
                if (!keepsAll && !listed.contains(m) && run.inScope(idOf(m))) {
                    leaving.add(m);
                }
            }
            listed.stream()
                    .filter(m -> !current.contains(m))
                    .forEach(m -> joins.computeIfAbsent(m, k -> new HashSet<>()).add(id));
            if (!leaving.isEmpty()) {
                removals.put(group.id(), leaving);
            }
        }
        Set<UserId> candidates = new LinkedHashSet<>();
        deletedUsers.forEach(u -> candidates.add(new UserId(u)));
        Set<GroupId> emptied = new HashSet<>();
        removals.values()
                .forEach(members -> members.forEach(m -> {
                    if (m instanceof Member.OfUser user) {
                        candidates.add(user.id());
                    } else {
                        emptied.add(((Member.OfGroup) m).id());
                    }
                }));
        deletedGroups.stream().filter(licensed::contains).forEach(emptied::add);
        for (GroupId group : emptied) {
            candidates.addAll(usersIn(run, group, nested));
        }
        After after = new After(run, removals, joins, deletedGroups, nested);
        List<LicenseLoss> losses = new ArrayList<>();
        List<UserId> all = List.copyOf(candidates);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<UserId> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            Map<UserId, List<HeldLicenses.Held>> held = licenses.held(run.tenant, chunk);
            Map<UserId, Map<GroupId, Boolean>> groupsOf = memberships.groupsOfUsers(
                    run.tenant, chunk.stream().filter(held::containsKey).toList());
            held.forEach((user, products) -> {
                if (deletedUsers.contains(user.value())) {
                    products.forEach(p -> losses.add(loss(run, user, p.product(), "the user is deleted")));
                    return;
                }
                Set<GroupId> in = after.groupsOf(user, groupsOf.getOrDefault(user, Map.of()));
                for (HeldLicenses.Held p : products) {
                    if (!p.direct()
                            && in.stream()
                                    .noneMatch(g ->
                                            assigning.getOrDefault(g, Set.of()).contains(p.product()))) {
                        losses.add(loss(run, user, p.product(), "leaves " + after.left(user, groupsOf, assigning, p)));
                    }
                }
            });
        }
        return new Impact(removals, preview(run, removals), losses, licensed);
    }

    private List<UserId> usersIn(RunContext run, GroupId group, boolean nested) {
        List<UserId> users = new ArrayList<>();
        UserId after = null;
        while (true) {
            List<UserId> page = memberships.userMembers(run.tenant, group, nested, after, CHUNK);
            users.addAll(page);
            if (page.size() < CHUNK) {
                return users;
            }
            after = page.get(page.size() - 1);
        }
    }

    private static List<PendingRemoval> preview(RunContext run, Map<UUID, Set<Member>> removals) {
        List<PendingRemoval> preview = new ArrayList<>();
        removals.forEach((group, members) -> members.forEach(m -> preview.add(new PendingRemoval(
                group,
                name(run, group),
                m instanceof Member.OfUser ? ObjectKind.USER : ObjectKind.GROUP,
                idOf(m),
                name(run, idOf(m))))));
        return preview;
    }

    private static LicenseLoss loss(RunContext run, UserId user, String product, String cause) {
        return new LicenseLoss(user.value(), name(run, user.value()), product, cause);
    }

    static UUID idOf(Member member) {
        return member instanceof Member.OfUser user
                ? user.id().value()
                : ((Member.OfGroup) member).id().value();
    }

    static String name(RunContext run, UUID object) {
        return run.immutableIdOf(object)
                .flatMap(run::synced)
                .map(SyncedRef::name)
                .orElse(object.toString());
    }

    /** The groups a user would be in once the run's removals, joins and group deletions are made. */
    private final class After {
        private final RunContext run;
        private final Map<UUID, Set<Member>> removals;
        private final Map<Member, Set<GroupId>> joins;
        private final Set<GroupId> deleted;
        private final boolean nested;
        private final Map<GroupId, Set<GroupId>> parents = new HashMap<>();

        After(
                RunContext run,
                Map<UUID, Set<Member>> removals,
                Map<Member, Set<GroupId>> joins,
                Set<GroupId> deleted,
                boolean nested) {
            this.run = run;
            this.removals = removals;
            this.joins = joins;
            this.deleted = deleted;
            this.nested = nested;
        }

        Set<GroupId> groupsOf(UserId user, Map<GroupId, Boolean> before) {
            Member member = Member.user(user);
            Set<GroupId> direct = new HashSet<>();
            before.forEach((group, isDirect) -> {
                if (isDirect && !removed(group, member)) {
                    direct.add(group);
                }
            });
            direct.addAll(joins.getOrDefault(member, Set.of()));
            direct.removeAll(deleted);
            if (!nested) {
                return direct;
            }
            Set<GroupId> all = new HashSet<>(direct);
            Deque<GroupId> next = new ArrayDeque<>(direct);
            while (!next.isEmpty()) {
                for (GroupId parent : parentsOf(next.pop())) {
                    if (all.add(parent)) {
                        next.push(parent);
                    }
                }
            }
            return all;
        }

        /** The groups that gave the product and that the user leaves, for the preview. */
        String left(
                UserId user,
                Map<UserId, Map<GroupId, Boolean>> groupsOf,
                Map<GroupId, Set<String>> assigning,
                HeldLicenses.Held product) {
            Collection<GroupId> before = groupsOf.getOrDefault(user, Map.of()).keySet();
            Set<String> names = new TreeSet<>();
            before.stream()
                    .filter(g -> assigning.getOrDefault(g, Set.of()).contains(product.product()))
                    .forEach(g -> names.add(name(run, g.value())));
            return names.isEmpty() ? "the groups that gave it" : String.join(", ", names);
        }

        private boolean removed(GroupId group, Member member) {
            return removals.getOrDefault(group.value(), Set.of()).contains(member);
        }

        private Set<GroupId> parentsOf(GroupId group) {
            return parents.computeIfAbsent(group, g -> {
                Member member = Member.group(g);
                Set<GroupId> after = new HashSet<>();
                for (GroupId parent : memberships.parentGroups(run.tenant, g)) {
                    if (!removed(parent, member)) {
                        after.add(parent);
                    }
                }
                after.addAll(joins.getOrDefault(member, Set.of()));
                after.removeAll(deleted);
                return after;
            });
        }
    }
}
