package org.allot.core.sync;

import java.util.Objects;
import java.util.UUID;

/**
 * An object a dry run (a preview of connector settings, or a run in staging mode) would add, update or restore, had
 * it applied what it read.
 *
 * @param objectId the user or group in Allot that would change; null for an object it would add
 * @param name the user principal name of a user, the display name of a group, as the run would write it
 */
public record PlannedChange(
        ObjectKind kind, Action action, String distinguishedName, String immutableId, UUID objectId, String name) {

    /** What the run would do to the object. */
    public enum Action {
        ADD,
        UPDATE,
        /** Bring back a deleted user (with its licenses and memberships), updated when its values changed. */
        RESTORE
    }

    public PlannedChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(distinguishedName, "distinguishedName");
    }
}
