package org.allot.core.assignment;

/** Graph's state of one license assignment. */
public enum AssignmentState {
    /** The user has the license through this source. */
    Active,
    /** The user has the license, but some of its plans cannot work (see the error). */
    ActiveWithError,
    /** The license could not be given through this source (see the error). */
    Error,
    /** The assignment exists but is switched off. */
    Disabled;

    public boolean holdsSeat() {
        return this == Active || this == ActiveWithError;
    }
}
