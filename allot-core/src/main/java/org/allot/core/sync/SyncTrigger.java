package org.allot.core.sync;

/** What started a run. */
public enum SyncTrigger {
    /** The schedule ({@code allot.sync.interval}). */
    SCHEDULED,
    /** An administrator ("sync now"). */
    MANUAL
}
