package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * A synced user or group as directory sync sees it in Allot: which object holds an immutable id.
 *
 * @param name the user principal name of a user, the display name of a group
 * @param deleted a user deleted (softly) in Allot
 * @param distinguishedName a user's distinguished name as the run that last wrote it read it
 *     ({@code onPremisesDistinguishedName}), or null (groups, and users synced before Allot kept it)
 */
public record SyncedRef(
        ObjectKind kind, UUID id, String immutableId, String name, boolean deleted, String distinguishedName) {
    public SyncedRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(immutableId, "immutableId");
    }

    /** A synced object whose distinguished name Allot does not know. */
    public SyncedRef(ObjectKind kind, UUID id, String immutableId, String name, boolean deleted) {
        this(kind, id, immutableId, name, deleted, null);
    }
}
