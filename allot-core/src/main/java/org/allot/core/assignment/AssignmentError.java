package org.allot.core.assignment;

/** Graph's error values of a license assignment. */
public enum AssignmentError {
    /** No seat was free: the user waits in the SKU's queue. */
    CountViolation,
    /** A plan cannot be combined with a plan the user already has. */
    MutuallyExclusiveViolation,
    /** A plan needs another plan the user does not have. */
    DependencyViolation,
    /** A plan is not available in the user's usage location. */
    ProhibitedInUsageLocationViolation,
    /** The user's proxy address would clash with another object's; Graph reports it, Allot never produces it. */
    UniquenessViolation,
    /** Anything else; the reason says what. */
    Other
}
