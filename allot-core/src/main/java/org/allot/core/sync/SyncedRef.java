package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * A synced user or group as directory sync sees it in Allot: which object holds an immutable id.
 *
 * @param name the user principal name of a user, the display name of a group
 * @param deleted a user deleted (softly) in Allot
 */
public record SyncedRef(ObjectKind kind, UUID id, String immutableId, String name, boolean deleted) {
    public SyncedRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(immutableId, "immutableId");
    }
}
