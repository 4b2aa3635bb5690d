package org.allot.core.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserManagers;

/**
 * Gives each user read in the run the manager its directory names ({@code manager}, a distinguished name), once every
 * user of the run exists: the manager is the synced user that name resolves to, in the connector's scope; a manager
 * outside the scope, or none, leaves the user without one (not an error). A few thousand users per unit of work.
 */
final class ManagerPhase {
    static final int USERS_PER_UNIT = 2_000;

    private final UserManagers managers;

    ManagerPhase(UserManagers managers) {
        this.managers = Objects.requireNonNull(managers);
    }

    /** Sets the managers of the users the run read; returns how many changed. */
    int run(RunContext run) {
        if (run.dry || run.managers.isEmpty()) {
            return 0;
        }
        int changed = 0;
        Map<UserId, Optional<UserId>> unit = new LinkedHashMap<>();
        for (Map.Entry<String, String> read : run.managers.entrySet()) {
            Optional<SyncedRef> user = run.synced(read.getKey()).filter(ref -> ref.kind() == ObjectKind.USER);
            if (user.isEmpty()) {
                continue;
            }
            unit.put(new UserId(user.get().id()), manager(run, read.getValue()));
            if (unit.size() >= USERS_PER_UNIT) {
                changed += managers.setSynced(run.caller, unit);
                unit.clear();
            }
        }
        return changed + managers.setSynced(run.caller, unit);
    }

    /** The synced user, in scope, that a normalised distinguished name names. */
    private static Optional<UserId> manager(RunContext run, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<SyncedRef> ref = run.resolve(key);
        if (ref.isEmpty()) {
            ref = run.known(key).flatMap(item -> run.synced(item.immutableId()));
        }
        return ref.filter(r -> r.kind() == ObjectKind.USER && !r.deleted() && run.inScope(r.immutableId()))
                .map(r -> new UserId(r.id()));
    }
}
