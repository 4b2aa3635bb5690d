package org.allot.core.directory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.Transactions;

/**
 * A group created or changed together with the members it is given (Graph's {@code members@odata.bind}), in one unit
 * of work: the group and every member, or nothing. Each member joins as {@link GroupDirectory#addMember} adds it
 * (audited, its licenses applied); the tenant's licensing lock is taken alone first, since a group may be among them.
 */
public final class GroupMembers {
    /** Graph's limit on the members bound in one request. */
    public static final int MAX_BOUND = 20;

    private final Transactions transactions;
    private final TenantLocks locks;
    private final GroupDirectory directory;

    public GroupMembers(Transactions transactions, TenantLocks locks, GroupDirectory directory) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.directory = Objects.requireNonNull(directory);
    }

    /** {@link GroupDirectory#create} with members (none: as it is). */
    public Outcome<Group> create(
            Caller caller, Map<GroupAttribute, Object> values, Set<String> groupTypes, List<UUID> members) {
        if (members.isEmpty()) {
            return directory.create(caller, values, groupTypes);
        }
        return checked(members)
                .flatMap(ok -> transactions.run(() -> {
                    locks.exclusive(caller.tenant());
                    return directory
                            .create(caller, values, groupTypes)
                            .flatMap(group -> add(caller, group.id(), members));
                }));
    }

    /** {@link GroupDirectory#update} (when there are values) and members added (when there are some). */
    public Outcome<Group> update(Caller caller, GroupId id, Map<GroupAttribute, Object> values, List<UUID> members) {
        if (members.isEmpty()) {
            return directory.update(caller, id, values);
        }
        return checked(members)
                .flatMap(ok -> transactions.run(() -> {
                    locks.exclusive(caller.tenant());
                    Outcome<Group> updated =
                            values.isEmpty() ? Outcome.done(null) : directory.update(caller, id, values);
                    return updated.flatMap(group -> add(caller, id, members));
                }));
    }

    /** Adds the members one by one; the outcome of the last, or the first refusal. */
    private Outcome<Group> add(Caller caller, GroupId group, List<UUID> members) {
        Outcome<Group> added = Outcome.refused(Rejection.invalid("No member to add."));
        for (UUID member : members) {
            added = directory.addMember(caller, group, member);
            if (!added.isDone()) {
                return added;
            }
        }
        return added;
    }

    private static Outcome<Boolean> checked(List<UUID> members) {
        if (members.size() > MAX_BOUND) {
            return Outcome.refused(Rejection.invalid(
                    "At most %d members can be added in one request; %d were sent.", MAX_BOUND, members.size()));
        }
        if (new HashSet<>(members).size() != members.size()) {
            return Outcome.refused(Rejection.invalid("members@odata.bind names a member more than once."));
        }
        return Outcome.done(true);
    }
}
