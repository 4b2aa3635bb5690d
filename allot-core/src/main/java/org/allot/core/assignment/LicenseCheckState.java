package org.allot.core.assignment;

/** Where a run of the license check stands. */
public enum LicenseCheckState {
    /** Asked for; the next free background worker starts it. */
    Queued,
    /** Checking users a chunk at a time; the counts grow as chunks commit. */
    Running,
    /** Every user and every seat figure was checked (and, for a repair, brought in line). */
    Succeeded,
    /** Stopped by an error after several attempts; what it found so far is kept. */
    Failed;

    public boolean underWay() {
        return this == Queued || this == Running;
    }
}
