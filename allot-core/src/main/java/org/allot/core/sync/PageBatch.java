package org.allot.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What one page's unit of work did; made inside it, applied to the run after it commits. */
final class PageBatch {
    int added;
    int updated;
    final int unchanged;
    final List<SyncError> errors;
    final List<SyncedRef> refs = new ArrayList<>();
    final List<String> entered = new ArrayList<>();
    final List<UUID> restored = new ArrayList<>();
    final List<String> unchangedIds = new ArrayList<>();
    /** Users whose principal name another user had: written again after the run's deletions. */
    final List<String> nameTaken = new ArrayList<>();
    /** What a dry run's page would add, update or restore. */
    final List<PlannedChange> planned = new ArrayList<>();

    PageBatch(int unchanged, List<SyncError> errors) {
        this.unchanged = unchanged;
        this.errors = new ArrayList<>(errors);
    }

    void plan(
            ObjectKind kind,
            PlannedChange.Action action,
            DirectoryEntry entry,
            String immutableId,
            UUID objectId,
            String name) {
        planned.add(new PlannedChange(kind, action, entry == null ? "" : entry.dn(), immutableId, objectId, name));
    }
}
