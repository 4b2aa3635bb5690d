package org.allot.core.sync;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.MembershipChange;
import org.allot.core.directory.UserId;

/**
 * Gives each group read in the run the members its member list names, one group per unit of work, once every user
 * and group exists. Members outside the connector's scope are no members in Allot; members that left the scope keep
 * their memberships until their own deletion. Licensing follows through the directory's listener.
 */
final class MembershipPhase {
    private final GroupDirectory groups;
    private final Transactions transactions;
    private final RunProgress progress;

    MembershipPhase(GroupDirectory groups, Transactions transactions, RunProgress progress) {
        this.groups = Objects.requireNonNull(groups);
        this.transactions = Objects.requireNonNull(transactions);
        this.progress = Objects.requireNonNull(progress);
    }

    void run(RunContext run) {
        int done = 0;
        for (Map.Entry<String, List<String>> list : run.memberLists.entrySet()) {
            String groupId = list.getKey();
            SyncedRef group = run.synced(groupId)
                    .filter(ref -> ref.kind() == ObjectKind.GROUP)
                    .orElse(null);
            if (group == null) {
                continue;
            }
            Set<Member> listed = SyncPlanner.members(list.getValue(), run::resolve);
            Predicate<Member> inScope = member -> run.inScope(
                    member instanceof Member.OfUser user
                            ? user.id().value()
                            : ((Member.OfGroup) member).id().value());
            Outcome<MembershipChange> change = transactions.run(
                    () -> groups.setSyncedMembers(run.caller, new GroupId(group.id()), listed, inScope));
            String dn = run.groupDns.getOrDefault(groupId, group.name());
            if (!change.isDone()) {
                run.tally.error(new SyncError(
                        ObjectKind.GROUP, dn, groupId, change.rejection().message()));
                continue;
            }
            if (change.value().changed()) {
                run.membersChanged(groupId);
            }
            change.value()
                    .refused()
                    .forEach((member, why) -> run.tally.error(new SyncError(
                            ObjectKind.GROUP,
                            dn,
                            groupId,
                            "Member " + describe(run, member) + " was not added: " + why + ".")));
            if (++done % 50 == 0) {
                progress.save(run);
            }
        }
        progress.save(run);
    }

    private static String describe(RunContext run, Member member) {
        java.util.UUID id = member instanceof Member.OfUser user
                ? user.id().value()
                : ((Member.OfGroup) member).id().value();
        return run.immutableIdOf(id)
                .flatMap(run::synced)
                .map(SyncedRef::name)
                .orElse(member instanceof Member.OfUser ? new UserId(id).toString() : id.toString());
    }
}
