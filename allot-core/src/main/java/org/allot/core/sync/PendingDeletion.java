package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * An object a blocked run would delete once an administrator confirms it.
 *
 * @param objectId the id of the user or group in Allot
 * @param displayName the user principal name of a user, the display name of a group
 */
public record PendingDeletion(ObjectKind kind, UUID objectId, String immutableId, String displayName) {
    public PendingDeletion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(immutableId, "immutableId");
    }
}
