package org.allot.core.sync;

import java.util.Objects;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.UserManagers;
import org.allot.core.reclaim.ActivitySignals;

/**
 * Allot's own directory, which a sync writes into through the same services as every other change, and the licenses
 * its users hold, which a run reads to tell what its changes would take away, and its users' activity signals, where a
 * run records the last logon the directory reports, and its users' managers, which a run sets as the directory
 * names them.
 */
public record CloudDirectory(
        UserDirectory users,
        GroupDirectory groups,
        Memberships memberships,
        HeldLicenses licenses,
        ActivitySignals activity,
        UserManagers managers) {
    public CloudDirectory {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(memberships, "memberships");
        Objects.requireNonNull(licenses, "licenses");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(managers, "managers");
    }
}
