package org.allot.core.sync;

/**
 * What a run did: users and groups added, updated (attributes, membership or restore), deleted, found unchanged,
 * and those in error.
 */
public record SyncCounts(int added, int updated, int deleted, int unchanged, int errors) {
    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0);

    public SyncCounts plus(SyncCounts other) {
        return new SyncCounts(
                added + other.added,
                updated + other.updated,
                deleted + other.deleted,
                unchanged + other.unchanged,
                errors + other.errors);
    }

    @Override
    public String toString() {
        return "added " + added + ", updated " + updated + ", deleted " + deleted + ", unchanged " + unchanged
                + ", errors " + errors;
    }
}
