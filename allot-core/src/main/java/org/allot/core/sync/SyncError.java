package org.allot.core.sync;

import java.util.Objects;

/**
 * An object a run could not bring over, and why.
 *
 * @param object the object's distinguished name in the directory
 * @param immutableId its immutable id, when it has one
 */
public record SyncError(ObjectKind kind, String object, String immutableId, String message) {
    public SyncError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
    }
}
