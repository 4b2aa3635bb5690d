package org.allot.core.sync;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
        return run(run, read -> true);
    }

    /**
     * The same for {@code users} (immutable ids), written late in the run, and for the users whose manager is one of
     * them.
     */
    int runFor(RunContext run, Set<String> users) {
        return users.isEmpty()
                ? 0
                : run(
                        run,
                        read -> users.contains(read.getKey())
                                || (read.getValue() != null
                                        && run.resolve(read.getValue())
                                                .filter(ref -> users.contains(ref.immutableId()))
                                                .isPresent()));
    }

    private int run(RunContext run, Predicate<Map.Entry<String, String>> which) {
        if (run.dry || run.managers.isEmpty()) {
            return 0;
        }
        int changed = 0;
        Map<UserId, Optional<UserId>> unit = new LinkedHashMap<>();
        Map<UserId, SyncedRef> refs = new HashMap<>();
        for (Map.Entry<String, String> read : run.managers.entrySet()) {
            if (!which.test(read)) {
                continue;
            }
            Optional<SyncedRef> user = run.synced(read.getKey()).filter(ref -> ref.kind() == ObjectKind.USER);
            if (user.isEmpty()) {
                continue;
            }
            UserId id = new UserId(user.get().id());
            unit.put(id, manager(run, read.getValue()));
            refs.put(id, user.get());
            if (unit.size() >= USERS_PER_UNIT) {
                changed += set(run, unit, refs);
                unit.clear();
                refs.clear();
            }
        }
        return changed + set(run, unit, refs);
    }

    /** Sets one unit of work's managers; a manager that would make a loop is an error on the user, not the run's. */
    private int set(RunContext run, Map<UserId, Optional<UserId>> unit, Map<UserId, SyncedRef> refs) {
        UserManagers.Synced synced = managers.setSynced(run.caller, unit);
        for (UserId loop : synced.loops()) {
            SyncedRef user = refs.get(loop);
            run.tally.error(new SyncError(
                    ObjectKind.USER,
                    user.distinguishedName() == null ? user.name() : user.distinguishedName(),
                    user.immutableId(),
                    "Its manager was not set: the manager the directory names would make a loop (the user would"
                            + " manage, directly or through others, their own manager). Fix the manager in the"
                            + " directory; the user keeps the manager they had."));
        }
        return synced.changed();
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
