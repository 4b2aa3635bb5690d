package org.allot.core.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Transactions;

/**
 * Use case: purges the users deleted longer ago than their tenant's retention period ({@code
 * TenantPolicy.softDeleteRetentionDays}), every tenant's, which frees their seats for the waiting lists. The users due
 * are read a page at a time; each purge is a unit of work of its own ({@link UserDirectory#purge}), so a user purged
 * by two nodes at once is simply gone.
 */
public final class DeletedUserRetention {
    /** Who the audit log says purged a user whose retention period had passed. */
    public static final Actor RETENTION = Actor.system("deleted-user retention");

    private static final int PAGE = 500;

    private final Transactions transactions;
    private final Tenants tenants;
    private final Users users;
    private final UserDirectory directory;
    private final Clock clock;

    public DeletedUserRetention(
            Transactions transactions, Tenants tenants, Users users, UserDirectory directory, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.tenants = Objects.requireNonNull(tenants);
        this.users = Objects.requireNonNull(users);
        this.directory = Objects.requireNonNull(directory);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Purges what is due in every tenant; how many users were purged. */
    public int purgeDue() {
        int purged = 0;
        for (Tenant tenant : transactions.read(tenants::all)) {
            Caller caller = Caller.of(tenant.id(), RETENTION);
            Instant cutoff =
                    clock.instant().minus(Duration.ofDays(tenant.policy().softDeleteRetentionDays()));
            List<UserId> due;
            do {
                due = transactions.read(() -> users.deletedBefore(tenant.id(), cutoff, PAGE));
                for (UserId id : due) {
                    if (directory.purge(caller, id).isDone()) {
                        purged++;
                    }
                }
            } while (due.size() == PAGE);
        }
        return purged;
    }
}
