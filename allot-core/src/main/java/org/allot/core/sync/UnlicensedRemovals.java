package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Transactions;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.Memberships;

/**
 * For a dry run, the memberships it would remove from groups that give no license: a run makes those at once (they
 * take no license), so only a dry run lists them, beside the memberships of licensed groups that {@link LicenseImpact}
 * weighs. Members outside the scope keep their memberships, as {@link MembershipPhase} keeps them.
 */
final class UnlicensedRemovals {
    private final Memberships memberships;
    private final Transactions transactions;

    UnlicensedRemovals(Memberships memberships, Transactions transactions) {
        this.memberships = Objects.requireNonNull(memberships);
        this.transactions = Objects.requireNonNull(transactions);
    }

    /** The memberships the run would remove from the groups it read that are not among {@code licensed}. */
    List<PendingRemoval> of(RunContext run, Set<GroupId> licensed) {
        return transactions.read(() -> {
            List<PendingRemoval> removals = new ArrayList<>();
            run.memberLists.forEach((groupId, list) -> run.synced(groupId)
                    .filter(ref -> ref.kind() == ObjectKind.GROUP && !licensed.contains(new GroupId(ref.id())))
                    .ifPresent(group -> {
                        Set<Member> listed = SyncPlanner.members(list, run::resolve);
                        for (Member m : memberships.directMembers(run.tenant, new GroupId(group.id()))) {
                            UUID member = LicenseImpact.idOf(m);
                            if (!listed.contains(m) && run.inScope(member)) {
                                removals.add(new PendingRemoval(
                                        group.id(),
                                        group.name(),
                                        m instanceof Member.OfUser ? ObjectKind.USER : ObjectKind.GROUP,
                                        member,
                                        LicenseImpact.name(run, member)));
                            }
                        }
                    }));
            return removals;
        });
    }
}
