package org.allot.core.sync;

/** A run reads everything in scope, or only what changed since the last complete run. */
public enum SyncMode {
    FULL,
    DELTA
}
