package org.allot.server.processing;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;
import org.allot.core.reclaim.Reclaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges users deleted longer ago than their tenant's retention period, which frees their seats for the waiting
 * lists, and forgets reclaim runs' reports older than {@link Reclaim#RUNS_KEPT}. Safe to run on every node: each purge
 * is its own transaction and a user purged twice is simply gone.
 */
public final class RetentionSweep {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final Actor RETENTION = Actor.system("deleted-user retention");

    private final Tenants tenants;
    private final Users users;
    private final UserDirectory directory;
    private final Transactions work;
    private final Reclaim reclaim;
    private final Clock clock;

    public RetentionSweep(
            Tenants tenants, Users users, UserDirectory directory, Transactions work, Reclaim reclaim, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.directory = directory;
        this.work = work;
        this.reclaim = reclaim;
        this.clock = clock;
    }

    /** Purges what is due; returns how many users were purged. */
    public int sweep() {
        int purged = 0;
        for (Tenant tenant : work.read(tenants::all)) {
            Caller caller = Caller.of(tenant.id(), RETENTION);
            var cutoff = clock.instant().minus(Duration.ofDays(tenant.policy().softDeleteRetentionDays()));
            List<UserId> due;
            do {
                due = work.read(() -> users.deletedBefore(tenant.id(), cutoff, 500));
                for (UserId id : due) {
                    if (work.run(() -> directory.purge(caller, id)).isDone()) {
                        purged++;
                    }
                }
            } while (due.size() == 500);
        }
        if (purged > 0) {
            log.info("Purged {} deleted user(s) past their retention period", purged);
        }
        int forgotten = reclaim.forgetOldRuns();
        if (forgotten > 0) {
            log.info("Forgot {} reclaim run(s) older than {}", forgotten, Reclaim.RUNS_KEPT);
        }
        return purged;
    }
}
