package org.allot.core.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;

/**
 * Deletes the synced objects that left the directory's scope: users softly (their licenses, memberships and seats
 * are kept for the retention period, and they come back as they were if they return), groups for good (a group
 * that still assigns licenses is kept and reported). Only ever after a complete read of the scope.
 */
final class DeletionPhase {
    private final UserDirectory users;
    private final GroupDirectory groups;
    private final Transactions transactions;
    private final SyncSettings settings;

    DeletionPhase(UserDirectory users, GroupDirectory groups, Transactions transactions, SyncSettings settings) {
        this.users = Objects.requireNonNull(users);
        this.groups = Objects.requireNonNull(groups);
        this.transactions = Objects.requireNonNull(transactions);
        this.settings = Objects.requireNonNull(settings);
    }

    /** What the run would delete: the synced objects Allot had that are neither in the census nor read. */
    SyncPlanner.DeletionPlan plan(RunContext run, int threshold) {
        return SyncPlanner.deletions(run.before, ref -> run.inScope(ref.immutableId()), threshold);
    }

    /** Deletes them, a batch of users or one group per unit of work; returns how many were deleted. */
    int carryOut(Caller caller, List<PendingDeletion> deletions, RunContext.Tally tally) {
        int deleted = 0;
        // in id order, the order in which every unit of work locks users: one locked out of order is only tried, and a
        // request holding it would have the whole batch run again
        List<PendingDeletion> userDeletions = deletions.stream()
                .filter(d -> d.kind() == ObjectKind.USER)
                .sorted(Comparator.comparing(d -> new UserId(d.objectId())))
                .toList();
        for (int i = 0; i < userDeletions.size(); i += settings.batchSize()) {
            List<PendingDeletion> chunk =
                    userDeletions.subList(i, Math.min(userDeletions.size(), i + settings.batchSize()));
            List<SyncError> errors = new ArrayList<>();
            deleted += transactions.run(() -> {
                errors.clear();
                int done = 0;
                for (PendingDeletion d : chunk) {
                    Outcome<User> outcome = users.delete(caller, new UserId(d.objectId()));
                    if (outcome.isDone()) {
                        done++;
                    } else if (outcome.rejection().code() != ErrorCode.NOT_FOUND) {
                        errors.add(error(d, outcome));
                    }
                }
                return done;
            });
            errors.forEach(tally::error);
        }
        for (PendingDeletion d : deletions) {
            if (d.kind() == ObjectKind.GROUP) {
                Outcome<Group> outcome = transactions.run(() -> groups.deleteSynced(caller, new GroupId(d.objectId())));
                if (outcome.isDone()) {
                    deleted++;
                } else if (outcome.rejection().code() != ErrorCode.NOT_FOUND) {
                    tally.error(error(d, outcome));
                }
            }
        }
        tally.deleted += deleted;
        return deleted;
    }

    private static SyncError error(PendingDeletion deletion, Outcome<?> refused) {
        return new SyncError(
                deletion.kind(),
                deletion.displayName() == null ? deletion.objectId().toString() : deletion.displayName(),
                deletion.immutableId(),
                "It left the directory's scope but was not deleted: "
                        + refused.rejection().message());
    }
}
