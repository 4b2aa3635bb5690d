package org.allot.core.sync;

/** Where a run stands. */
public enum SyncRunState {
    /** Reading the directory and writing changes. */
    RUNNING,
    /** Done: every change was made (objects in error are listed with the run). */
    SUCCEEDED,
    /** Stopped by a failure (the directory unreachable, a bind refused, the server gone mid-run): nothing deleted. */
    FAILED,
    /**
     * Done but for deletions: they are more than the tenant's threshold, so none was made; they wait for an
     * administrator to confirm the run.
     */
    BLOCKED,
    /** A blocked run whose deletions an administrator confirmed and Allot carried out. */
    CONFIRMED,
    /** A blocked run replaced by a later run, whose own deletions are the ones to confirm. */
    SUPERSEDED,
    /** The server process running it stopped midway; the next run completes its work. */
    INTERRUPTED,
    /**
     * A dry run of connector settings not saved yet: it read the directory and worked out what the next run would
     * add, update, delete and take away, and applied nothing.
     */
    PREVIEW,
    /**
     * A run of a connector in staging mode: it worked out and reported what it would do, and applied nothing. Once
     * staging is switched off, the next run applies.
     */
    STAGED;

    /** Whether runs in this state report what they would do and apply nothing. */
    public boolean dry() {
        return this == PREVIEW || this == STAGED;
    }

    public boolean finished() {
        return this != RUNNING;
    }
}
