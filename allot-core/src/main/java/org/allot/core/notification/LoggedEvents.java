package org.allot.core.notification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.directory.DirectoryChanges.AssignmentChange;
import org.allot.core.directory.DirectoryChanges.Logged;
import org.allot.core.directory.DirectoryChanges.Op;
import org.allot.core.directory.DirectoryChanges.Subject;

/**
 * The change notifications that the directory's change log tells, one per object and transaction, in the order the
 * objects first changed: an object created and changed in one transaction was created; created and deleted, nothing;
 * a user removed for good after its (soft) deletion, nothing more. A change of a group's members is an update of the
 * group (unless the group was created or deleted in the same transaction) and a change of its members. A license
 * assignment (a user's product from one source) is told as the transaction left it: created, updated (also when it was
 * removed and given again), or deleted, with its last state.
 */
final class LoggedEvents {
    private LoggedEvents() {}

    /** An object of a transaction; {@code sku} and {@code source} for a license assignment, else null. */
    private record Key(String transaction, Subject subject, UUID id, UUID sku, UUID source) {}

    static List<ChangeEvent> of(List<Logged> log) {
        Map<Key, Set<Op>> ops = new LinkedHashMap<>();
        Map<Key, List<Logged>> assignments = new LinkedHashMap<>();
        for (Logged change : log) {
            AssignmentChange a = change.assignment();
            Key key = a == null
                    ? new Key(change.transaction(), change.subject(), change.id(), null, null)
                    : new Key(change.transaction(), change.subject(), change.id(), a.sku(), a.source());
            ops.computeIfAbsent(key, k -> EnumSet.noneOf(Op.class)).add(change.op());
            if (a != null) {
                assignments.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
            }
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (Map.Entry<Key, Set<Op>> entry : ops.entrySet()) {
            Key key = entry.getKey();
            switch (key.subject()) {
                case USER -> type(entry.getValue()).forEach(t -> events.add(ChangeEvent.user(key.id(), t)));
                case GROUP -> type(entry.getValue()).forEach(t -> events.add(ChangeEvent.group(key.id(), t)));
                case MEMBERS -> {
                    Set<Op> group = ops.get(new Key(key.transaction(), Subject.GROUP, key.id(), null, null));
                    if (group == null || !(group.contains(Op.CREATED) || group.contains(Op.DELETED))) {
                        events.add(ChangeEvent.group(key.id(), ChangeType.UPDATED));
                    }
                    events.add(ChangeEvent.members(key.id()));
                }
                case LICENSE_ASSIGNMENT -> assignment(assignments.get(key), events);
            }
        }
        return events;
    }

    /** What a transaction's changes to one object amount to, if anything. */
    private static List<ChangeType> type(Set<Op> ops) {
        boolean created = ops.contains(Op.CREATED);
        boolean deleted = ops.contains(Op.DELETED) || ops.contains(Op.PURGED);
        if (created) {
            return deleted ? List.of() : List.of(ChangeType.CREATED);
        }
        if (ops.contains(Op.DELETED)) {
            return List.of(ChangeType.DELETED);
        }
        return ops.contains(Op.UPDATED) ? List.of(ChangeType.UPDATED) : List.of();
    }

    /**
     * What a transaction's changes to one license assignment amount to, in the order made: from its first and its last
     * change, with the state the last one left.
     */
    private static void assignment(List<Logged> changes, List<ChangeEvent> events) {
        Logged first = changes.get(0);
        Logged last = changes.get(changes.size() - 1);
        boolean existedBefore = first.op() != Op.CREATED;
        boolean existsAfter = last.op() != Op.DELETED && last.op() != Op.PURGED;
        ChangeType type;
        if (existedBefore) {
            type = existsAfter ? ChangeType.UPDATED : ChangeType.DELETED;
        } else if (existsAfter) {
            type = ChangeType.CREATED;
        } else {
            return;
        }
        events.add(ChangeEvent.assignment(last.id(), type, last.assignment()));
    }
}
